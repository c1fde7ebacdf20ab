package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.tenants.Tenant;

/**
 * What every page template needs besides its own data: who, which tenant, language, CSRF token,
 * flash; and on a tenant's public page, the shop whose name, logo and colours it wears.
 */
public record PageContext(CurrentUser user, Messages messages, String csrfToken, Flash flash, String path, Tenant shop) {

    public PageContext(CurrentUser user, Messages messages, String csrfToken, Flash flash, String path) {
        this(user, messages, csrfToken, flash, path, null);
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    public String lang() {
        return messages.language();
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean is(Role role) {
        return user != null && user.role() == role;
    }

    public boolean isAdmin() {
        return is(Role.ADMIN);
    }

    /** Marks the navigation entry of the current section. */
    public String current(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") ? "page" : null;
    }

    /** For a section's own page, whose path prefixes its siblings' ("/inventario" beside "/inventario/reservas"). */
    public String currentExactly(String target) {
        return path.equals(target) ? "page" : null;
    }

    public Format format() {
        return new Format(user == null ? null : user.tenant());
    }
}
