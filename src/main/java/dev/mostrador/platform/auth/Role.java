package dev.mostrador.platform.auth;

import io.javalin.security.RouteRole;

import java.util.Arrays;
import java.util.Optional;

/** Seed 000's roles. A route with no role is public; a route with roles needs one of them. */
public enum Role implements RouteRole {
    ADMIN, OFICINA, VENDEDOR;

    /** Every signed-in staff member. */
    public static final Role[] STAFF = values();

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
