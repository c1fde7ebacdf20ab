package dev.mostrador.rewards.offers;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.ZonedDates;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A reward offer as typed in the form or sent to the API; numbers kept as text for a faithful 422. */
public record RewardOfferInput(String name, String description, String category, String lumisCost, String stock,
                               String merchantId, boolean active, String validFrom, String validTo, String codeLifetimeHours) {

    public static RewardOfferInput blank() {
        return new RewardOfferInput("", "", "", "", "", "", true, "", "", "72");
    }

    public static RewardOfferInput of(RewardOffer o, ZoneId zone) {
        return new RewardOfferInput(o.name(), nz(o.description()), nz(o.category()), String.valueOf(o.lumisCost()),
                o.stock() == null ? "" : String.valueOf(o.stock()), o.merchantId() == null ? "" : o.merchantId().toString(), o.active(),
                ZonedDates.formInput(o.validFrom(), zone), ZonedDates.formInput(o.validTo(), zone), String.valueOf(o.codeLifetimeHours()));
    }

    public static RewardOfferInput fromForm(Context ctx) {
        return new RewardOfferInput(f(ctx, "name_friendly"), f(ctx, "description"), f(ctx, "offer_category"), f(ctx, "lumis_cost"),
                f(ctx, "stock_quantity"), f(ctx, "merchant_id"), "true".equals(ctx.formParam("is_active")), f(ctx, "valid_from"),
                f(ctx, "valid_to"), f(ctx, "code_lifetime_hours"));
    }

    public static RewardOfferInput fromJson(JsonInput json) {
        Boolean active = json.bool("is_active");
        return new RewardOfferInput(RewardsPages.trim(json.text("name_friendly")), RewardsPages.trim(json.text("description")),
                RewardsPages.trim(json.text("offer_category")), scalar(json, "lumis_cost"), scalar(json, "stock_quantity"),
                RewardsPages.trim(json.text("merchant_id")), active == null || active, RewardsPages.trim(json.text("valid_from")),
                RewardsPages.trim(json.text("valid_to")), json.has("code_lifetime_hours") ? scalar(json, "code_lifetime_hours") : "72");
    }

    /** The typed fields, or null with the errors filled in. */
    public RewardOfferRepository.Fields validate(Messages m, ZoneId zone, FieldErrors e) {
        if (name.isEmpty()) e.add("name_friendly", m.t("validation.required", m.t("rewards.offer.name")));
        else if (name.length() > 200) e.add("name_friendly", m.t("validation.max_length", m.t("rewards.offer.name"), 200));
        if (category.length() > 50) e.add("offer_category", m.t("validation.max_length", m.t("rewards.offer.category"), 50));
        Integer cost = RewardsPages.whole(lumisCost);
        if (cost == null || cost < 1) e.add("lumis_cost", m.t("rewards.v.cost"));
        Integer stockValue = stock.isEmpty() ? null : RewardsPages.whole(stock);
        if (!stock.isEmpty() && (stockValue == null || stockValue < 0)) e.add("stock_quantity", m.t("rewards.v.stock"));
        UUID merchant = null;
        if (!merchantId.isEmpty()) {
            try {
                merchant = UUID.fromString(merchantId);
            } catch (IllegalArgumentException ex) {
                e.add("merchant_id", m.t("rewards.v.merchant"));
            }
        }
        OffsetDateTime from = validFrom.isEmpty() ? OffsetDateTime.now() : ZonedDates.parse(validFrom, zone, false);
        OffsetDateTime to = validTo.isEmpty() ? null : ZonedDates.parse(validTo, zone, true);
        if (from == null) e.add("valid_from", m.t("ofertas.v.date"));
        if (!validTo.isEmpty() && to == null) e.add("valid_to", m.t("ofertas.v.date"));
        if (from != null && to != null && !from.isBefore(to)) e.add("valid_to", m.t("rewards.v.window"));
        Integer lifetime = RewardsPages.whole(codeLifetimeHours.isEmpty() ? "72" : codeLifetimeHours);
        if (lifetime == null || lifetime < 1 || lifetime > 8760) e.add("code_lifetime_hours", m.t("rewards.v.lifetime"));
        if (!e.isEmpty()) return null;
        return new RewardOfferRepository.Fields(name, description.isEmpty() ? null : description, category.isEmpty() ? null : category,
                cost, stockValue, merchant, active, from, to, lifetime);
    }

    private static String scalar(JsonInput json, String field) {
        var n = json.node().get(field);
        return n == null || n.isNull() ? "" : n.isValueNode() ? n.asText().trim() : "x";
    }

    private static String f(Context ctx, String name) {
        return RewardsPages.trim(ctx.formParam(name));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
