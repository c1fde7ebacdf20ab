package dev.mostrador.rewards.merchants;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.platform.web.Emails;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** A merchant as typed in the form or sent to the API (seed 001's column names). */
public record MerchantInput(String name, String type, String email, String phone, String webhookUrl, boolean active) {

    public static MerchantInput blank() {
        return new MerchantInput("", "", "", "", "", true);
    }

    public static MerchantInput of(Merchant m) {
        return new MerchantInput(m.name(), nz(m.type()), nz(m.email()), nz(m.phone()), nz(m.webhookUrl()), m.active());
    }

    public static MerchantInput fromForm(Context ctx) {
        return new MerchantInput(RewardsPages.trim(ctx.formParam("merchant_name")), RewardsPages.trim(ctx.formParam("merchant_type")),
                RewardsPages.trim(ctx.formParam("contact_email")), RewardsPages.trim(ctx.formParam("contact_phone")),
                RewardsPages.trim(ctx.formParam("webhook_url")), "true".equals(ctx.formParam("is_active")));
    }

    public static MerchantInput fromJson(JsonInput json) {
        Boolean active = json.bool("is_active");
        return new MerchantInput(RewardsPages.trim(json.text("merchant_name")), RewardsPages.trim(json.text("merchant_type")),
                RewardsPages.trim(json.text("contact_email")), RewardsPages.trim(json.text("contact_phone")),
                RewardsPages.trim(json.text("webhook_url")), active == null || active);
    }

    public FieldErrors validate(Messages m) {
        FieldErrors e = new FieldErrors();
        if (name.isEmpty()) e.add("merchant_name", m.t("validation.required", m.t("rewards.merchant.name")));
        else if (name.length() > 200) e.add("merchant_name", m.t("validation.max_length", m.t("rewards.merchant.name"), 200));
        if (type.length() > 50) e.add("merchant_type", m.t("validation.max_length", m.t("rewards.merchant.type"), 50));
        if (!email.isEmpty() && !Emails.valid(email)) e.add("contact_email", m.t("validation.email"));
        if (!phone.isEmpty() && !phone.matches("[+0-9 ()-]{6,40}")) e.add("contact_phone", m.t("rewards.v.phone"));
        if (!webhookUrl.isEmpty() && !webhookUrl.matches("https://[^\\s/?#@]{3,253}([/?#]\\S{0,500})?")) e.add("webhook_url", m.t("rewards.v.url"));
        return e;
    }

    public MerchantRepository.Fields fields() {
        return new MerchantRepository.Fields(name, type, email, phone, webhookUrl, active);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
