package dev.mostrador.users;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Emails;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** The user form as typed: kept as strings so a 422 shows exactly what was sent. */
public record UserForm(String name, String email, String role, String password, boolean active) {

    public static UserForm blank() {
        return new UserForm("", "", Role.VENDEDOR.code(), "", true);
    }

    public static UserForm of(User u) {
        return new UserForm(u.name(), u.email(), u.role().code(), "", u.active());
    }

    public static UserForm from(Context ctx) {
        return new UserForm(trim(ctx.formParam("name")), trim(ctx.formParam("email")), trim(ctx.formParam("role")),
                ctx.formParam("password") == null ? "" : ctx.formParam("password"), "true".equals(ctx.formParam("active")));
    }

    /** Field rules; {@code creating} makes the password required. */
    public FieldErrors validate(Messages m, boolean creating) {
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty()) errors.add("name", m.t("validation.required", m.t("users.name")));
        else if (name.length() > 200) errors.add("name", m.t("validation.max_length", m.t("users.name"), 200));
        if (email.isEmpty()) errors.add("email", m.t("validation.required", m.t("users.email")));
        else if (!Emails.valid(email) || email.length() > 254) errors.add("email", m.t("validation.email"));
        if (Role.fromCode(role).isEmpty()) errors.add("role", m.t("validation.role"));
        if (creating || !password.isEmpty()) {
            Passwords.problem(password).ifPresent(key -> errors.add("password", m.t(key, Passwords.MIN_LENGTH, Passwords.MAX_BYTES)));
        }
        return errors;
    }

    public Role parsedRole() {
        return Role.fromCode(role).orElseThrow();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
