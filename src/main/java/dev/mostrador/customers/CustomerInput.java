package dev.mostrador.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.web.Emails;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer as typed in the form or sent to the API. {@code taxId} as typed; {@link #taxIdStored}
 * gives its stored form once {@link #validate} has accepted it. {@code vendedorId} as typed too
 * (a select's value), so a bad one comes back to the form as it was.
 */
public record CustomerInput(String name, String email, String phone, String phoneAlt, String taxId, String address, String city,
                            String status, boolean preferred, String vendedorId, String notes, List<Long> interestIds) {
    public static final List<String> STATUSES = List.of("prospecto", "activo", "inactivo", "perdido");

    public CustomerInput(String name, String email, String phone) {
        this(name, email, phone, "", "", "", "", "activo", false, "", "", List.of());
    }

    public static CustomerInput blank() {
        return new CustomerInput("", "", "");
    }

    public static CustomerInput of(Customer c, CustomerProfile p, String country) {
        return new CustomerInput(c.name(), orEmpty(c.email()), orEmpty(c.phone()), orEmpty(p.phoneAlt()),
                TaxIds.format(country, p.taxId()), orEmpty(p.address()), orEmpty(p.city()), p.status(), p.preferred(),
                p.vendedorId() == null ? "" : String.valueOf(p.vendedorId()), orEmpty(p.notes()),
                p.interests().stream().map(CustomerProfile.Interest::id).toList());
    }

    public static CustomerInput fromForm(Context ctx) {
        List<Long> interests = new ArrayList<>();
        for (String v : ctx.formParams("interes")) {
            try {
                interests.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                interests.add(-1L); // not one of the tenant's: validation says so
            }
        }
        return new CustomerInput(trim(ctx.formParam("name")), trim(ctx.formParam("email")), trim(ctx.formParam("phone")),
                trim(ctx.formParam("phone_alt")), trim(ctx.formParam("tax_id")), trim(ctx.formParam("address")),
                trim(ctx.formParam("city")), ctx.formParam("status") == null ? "activo" : trim(ctx.formParam("status")), "on".equals(ctx.formParam("preferred")) || "true".equals(ctx.formParam("preferred")),
                trim(ctx.formParam("vendedor_id")), trim(ctx.formParam("notes")), List.copyOf(interests));
    }

    /**
     * From a JSON body. {@code current}: the customer a PUT replaces; the CRM fields it leaves out
     * keep their values (clients written before them send name, email and phone only).
     */
    public static CustomerInput fromJson(JsonInput json, CustomerInput current) {
        CustomerInput base = current == null ? blank() : current;
        List<Long> interests = base.interestIds();
        JsonNode ids = json.node().get("interest_ids");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) json.error("interest_ids", "must be an array of ids");
            else {
                List<Long> read = new ArrayList<>();
                ids.forEach(n -> {
                    if (n.isIntegralNumber() && n.canConvertToLong()) read.add(n.asLong());
                    else json.error("interest_ids", "must be an array of ids");
                });
                interests = List.copyOf(read);
            }
        }
        JsonNode v = json.node().get("vendedor_id");
        boolean none = v != null && v.isTextual() && v.asText().isBlank(); // "" like null: no vendedor
        Long vendedor = json.node().has("vendedor_id") && !none ? json.longValue("vendedor_id") : null;
        String vendedorId = json.node().has("vendedor_id") ? (vendedor == null ? "" : vendedor.toString()) : base.vendedorId();
        Boolean preferred = json.bool("preferred");
        return new CustomerInput(trim(json.text("name")), trim(json.text("email")), trim(json.text("phone")),
                keep(json, "phone_alt", base.phoneAlt()), keep(json, "tax_id", base.taxId()), keep(json, "address", base.address()),
                keep(json, "city", base.city()), keep(json, "status", base.status()), preferred == null ? base.preferred() : preferred,
                vendedorId, keep(json, "notes", base.notes()), interests);
    }

    /** The checks that need no database (uniqueness, the vendedor and the interests are CustomerChecks'). */
    public FieldErrors validate(Messages m, String country) {
        FieldErrors e = new FieldErrors();
        if (name.isEmpty()) e.add("name", m.t("validation.required", m.t("rewards.customer.name")));
        else if (name.length() > 200) e.add("name", m.t("validation.max_length", m.t("rewards.customer.name"), 200));
        if (!email.isEmpty() && !Emails.valid(email)) e.add("email", m.t("validation.email"));
        if (!phone.isEmpty() && !phone.matches("[+0-9 ()-]{6,40}")) e.add("phone", m.t("rewards.v.phone"));
        if (!phoneAlt.isEmpty() && !phoneAlt.matches("[+0-9 ()-]{6,40}")) e.add("phone_alt", m.t("rewards.v.phone"));
        if (!taxId.isEmpty() && TaxIds.normalize(country, taxId).isEmpty()) e.add("tax_id", m.t("crm.v.tax_id." + taxIdRule(country)));
        if (address.length() > 500) e.add("address", m.t("validation.max_length", m.t("crm.address"), 500));
        if (city.length() > 120) e.add("city", m.t("validation.max_length", m.t("crm.city"), 120));
        if (notes.length() > 5000) e.add("notes", m.t("validation.max_length", m.t("crm.notes"), 5000));
        if (!STATUSES.contains(status)) e.add("status", m.t("crm.v.status"));
        if (!vendedorId.isEmpty() && vendedor() == null) e.add("vendedor_id", m.t("crm.v.vendedor"));
        if (interestIds.size() > 50) e.add("interest_ids", m.t("crm.v.interests"));
        return e;
    }

    /** Which message explains the tax id's format: the country's own rule, or "other". */
    static String taxIdRule(String country) {
        return List.of("CL", "AR", "UY", "PE", "CO").contains(country) ? country.toLowerCase() : "other";
    }

    public Optional<String> taxIdStored(String country) {
        return taxId.isEmpty() ? Optional.empty() : TaxIds.normalize(country, taxId);
    }

    /** The chosen vendedor's id, null when none (or not a number). */
    public Long vendedor() {
        if (vendedorId.isEmpty()) return null;
        try {
            return Long.parseLong(vendedorId);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean hasInterest(long id) {
        return interestIds.contains(id);
    }

    private static String keep(JsonInput json, String field, String current) {
        return json.node().has(field) ? trim(json.text(field)) : current;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
