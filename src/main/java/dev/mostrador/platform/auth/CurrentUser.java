package dev.mostrador.platform.auth;

import dev.mostrador.platform.tenants.Tenant;

import java.util.UUID;

/** Who is signed in, and in which tenant; every repository call takes {@link #tenantId()}. */
public record CurrentUser(long userId, String email, String name, Role role, Tenant tenant) {
    public UUID tenantId() {
        return tenant.id();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
