package dev.mostrador.customers;

import java.util.LinkedHashMap;
import java.util.Map;

/** A customer in the JSON API (lumis_balance is the column on customers the rewards ledger keeps). */
public final class CustomerJson {
    public static Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("lumis_balance", c.balance());
        m.put("created_at", c.createdAt());
        return m;
    }

    /** With the CRM fields: tax_id in its stored form (digits and check digit), interests as {id, name}. */
    public static Map<String, Object> customer(Customer c, CustomerProfile p) {
        Map<String, Object> m = customer(c);
        m.put("tax_id", p.taxId());
        m.put("phone_alt", p.phoneAlt());
        m.put("address", p.address());
        m.put("city", p.city());
        m.put("status", p.status());
        m.put("preferred", p.preferred());
        m.put("vendedor_id", p.vendedorId());
        m.put("notes", p.notes());
        m.put("interests", p.interests().stream().map(i -> Map.of("id", i.id(), "name", i.name())).toList());
        m.put("source", p.source());
        m.put("created_by", p.createdBy());
        return m;
    }

    private CustomerJson() {}
}
