package dev.mostrador.customers;

import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;

import java.util.Map;

/** A tenant for the CRM tests (Chile unless told), its staff over the API, and rows written straight in SQL. */
final class CrmData {
    static final String API = "/api/v1/rewards/customers";
    final Fixtures.TestTenant tenant;
    final Api admin;
    final Api oficina;
    final Api vendedor;

    private CrmData(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.admin = Api.as(tenant.admin());
        this.oficina = Api.as(tenant.oficina());
        this.vendedor = Api.as(tenant.vendedor());
    }

    static CrmData chile() {
        return new CrmData(Fixtures.tenant());
    }

    static CrmData of(String currency, String locale, String zone) {
        return new CrmData(Fixtures.tenant(currency, locale, zone));
    }

    static DSLContext db() {
        return TestDatabase.get().dsl();
    }

    long userId(String email) {
        return ((Number) db().fetchValue("SELECT id FROM users WHERE lower(email) = lower(?)", email)).longValue();
    }

    long interest(String name) {
        return ((Number) db().fetchValue("INSERT INTO intereses (tenant_id, nombre) VALUES (?, ?) RETURNING id", tenant.id(), name)).longValue();
    }

    /** A customer created over the API with these fields; its id. */
    long customer(Map<String, Object> body) {
        Api.Response r = oficina.post(API, body);
        if (r.status() != 201) throw new AssertionError(r.status() + " " + r.json());
        return r.json().get("id").asLong();
    }

    /** An order of the customer, written in SQL (the orders' own tests place real ones). */
    long order(long customerId, String estado, String total) {
        return ((Number) db().fetchValue("INSERT INTO pedidos (tenant_id, estado, customer_id, user_id, moneda, subtotal, descuento, total, "
                + "entregado_at) VALUES (?, ?, ?, ?, 'CLP', ?::numeric, 0, ?::numeric, CASE WHEN ? = 'entregado' THEN now() END) RETURNING id",
                tenant.id(), estado, customerId, userId(tenant.oficina()), total, total, estado)).longValue();
    }
}
