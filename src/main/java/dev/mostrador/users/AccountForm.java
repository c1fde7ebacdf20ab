package dev.mostrador.users;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** "Mi cuenta": one's own name, and a new password behind the current one. */
public record AccountForm(String name, String currentPassword, String newPassword, String repeatPassword) {

    public static AccountForm of(String name) {
        return new AccountForm(name, "", "", "");
    }

    public static AccountForm from(Context ctx) {
        return new AccountForm(trim(ctx.formParam("name")), value(ctx.formParam("current_password")),
                value(ctx.formParam("new_password")), value(ctx.formParam("repeat_password")));
    }

    public boolean changesPassword() {
        return !newPassword.isEmpty() || !repeatPassword.isEmpty();
    }

    /** Shape only; whether the current password is right is the service's to say. */
    public FieldErrors validate(Messages m) {
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty()) errors.add("name", m.t("validation.required", m.t("users.name")));
        else if (name.length() > 200) errors.add("name", m.t("validation.max_length", m.t("users.name"), 200));
        if (changesPassword()) {
            if (currentPassword.isEmpty()) errors.add("current_password", m.t("account.current_required"));
            Passwords.problem(newPassword).ifPresent(p -> errors.add("new_password", m.t(p, Passwords.MIN_LENGTH, Passwords.MAX_BYTES)));
            if (!newPassword.equals(repeatPassword)) errors.add("repeat_password", m.t("account.passwords_differ"));
        }
        return errors;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String value(String s) {
        return s == null ? "" : s;
    }
}
