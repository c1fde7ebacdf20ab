package dev.mostrador.customers;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;

import java.util.UUID;

/** A customer's checks against the tenant's rows: e-mail and tax id unique, a real vendedor, its own interests. */
final class CustomerChecks {
    private final CustomerRepository customers;
    private final CustomerProfiles profiles;

    CustomerChecks(CustomerRepository customers, CustomerProfiles profiles) {
        this.customers = customers;
        this.profiles = profiles;
    }

    /** Every error of {@code input} for customer {@code id} (null: a new one), the input's own checks first. */
    FieldErrors check(UUID tenantId, String country, CustomerInput input, Long id, Messages m, FieldErrors errors) {
        if (!errors.has("email") && customers.emailTaken(tenantId, input.email(), id)) errors.add("email", m.t("crm.v.email_taken"));
        if (!errors.has("tax_id") && profiles.taxIdTaken(tenantId, input.taxIdStored(country).orElse(null), id)) {
            errors.add("tax_id", m.t("crm.v.tax_id_taken"));
        }
        Long vendedor = input.vendedor();
        if (!errors.has("vendedor_id") && vendedor != null && !profiles.isVendedor(tenantId, vendedor)) errors.add("vendedor_id", m.t("crm.v.vendedor"));
        if (!errors.has("interest_ids") && !profiles.areInterests(tenantId, input.interestIds())) errors.add("interest_ids", m.t("crm.v.interests"));
        return errors;
    }
}
