package dev.mostrador.duplicates;

import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;

import java.util.UUID;

/** Customers with the CRM fields the duplicate rules look at, written straight to the table. */
final class DuplicateData {
    private DuplicateData() {}

    static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    static long customer(Fixtures.TestTenant t, String name, String email, String phone, String phoneAlt, String taxId, String city) {
        return ((Number) dsl().fetchValue("INSERT INTO customers (tenant_id, name, email, phone, phone_alt, tax_id, city)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", t.id(), name, email, phone, phoneAlt, taxId, city)).longValue();
    }

    static long userId(Fixtures.TestTenant t, String email) {
        return ((Number) dsl().fetchValue("SELECT id FROM users WHERE tenant_id = ? AND email = ?", t.id(), email)).longValue();
    }

    static long interest(UUID tenantId, String name) {
        return ((Number) dsl().fetchValue("INSERT INTO intereses (tenant_id, nombre) VALUES (?, ?) RETURNING id", tenantId, name)).longValue();
    }

    static void likes(UUID tenantId, long customer, long interest) {
        dsl().execute("INSERT INTO customer_intereses (tenant_id, customer_id, interes_id) VALUES (?, ?, ?)", tenantId, customer, interest);
    }

    static long count(String sql, Object... binds) {
        return ((Number) dsl().fetchValue(sql, binds)).longValue();
    }

    /** The customer's balance minus the sum of its ledger: 0 when the ledger and the counter agree. */
    static long drift(UUID tenantId, long customer) {
        return count("SELECT c.lumis_balance - coalesce((SELECT sum(amount) FROM fact_accumulations f WHERE f.tenant_id = c.tenant_id"
                + " AND f.customer_id = c.id), 0) FROM customers c WHERE c.tenant_id = ? AND c.id = ?", tenantId, customer);
    }
}
