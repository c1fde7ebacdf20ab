package dev.mostrador.customers;

import dev.mostrador.platform.web.Emails;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** A customer as typed in the form or sent to the API. */
public record CustomerInput(String name, String email, String phone) {

    public static CustomerInput blank() {
        return new CustomerInput("", "", "");
    }

    public static CustomerInput of(Customer c) {
        return new CustomerInput(c.name(), c.email() == null ? "" : c.email(), c.phone() == null ? "" : c.phone());
    }

    public static CustomerInput fromForm(Context ctx) {
        return new CustomerInput(trim(ctx.formParam("name")), trim(ctx.formParam("email")), trim(ctx.formParam("phone")));
    }

    public static CustomerInput fromJson(JsonInput json) {
        return new CustomerInput(trim(json.text("name")), trim(json.text("email")), trim(json.text("phone")));
    }

    public FieldErrors validate(Messages m) {
        FieldErrors e = new FieldErrors();
        if (name.isEmpty()) e.add("name", m.t("validation.required", m.t("rewards.customer.name")));
        else if (name.length() > 200) e.add("name", m.t("validation.max_length", m.t("rewards.customer.name"), 200));
        if (!email.isEmpty() && !Emails.valid(email)) e.add("email", m.t("validation.email"));
        if (!phone.isEmpty() && !phone.matches("[+0-9 ()-]{6,40}")) e.add("phone", m.t("rewards.v.phone"));
        return e;
    }

    public static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
