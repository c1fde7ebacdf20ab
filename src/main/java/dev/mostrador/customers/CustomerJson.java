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

    private CustomerJson() {}
}
