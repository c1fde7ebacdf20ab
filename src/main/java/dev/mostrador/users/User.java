package dev.mostrador.users;

import dev.mostrador.platform.auth.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

public record User(long id, UUID tenantId, String email, String name, Role role, boolean active,
                   OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {}
