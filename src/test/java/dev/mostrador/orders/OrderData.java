package dev.mostrador.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Products, repartidores and orders for the orders' tests, straight through the database or the API. */
final class OrderData {
    private OrderData() {}

    static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }



    static long repartidor(UUID tenantId, String nombre, boolean activo) {
        return ((Number) dsl().fetchValue("INSERT INTO repartidores (tenant_id, nombre, activo) VALUES (?, ?, ?) RETURNING id",
                tenantId, nombre, activo)).longValue();
    }

    static void lumisRule(UUID tenantId, String porMonto) {
        dsl().execute("UPDATE tenants SET lumis_por_monto = ?::numeric WHERE id = ?", porMonto, tenantId);
    }

    /** An order placed directly by this client: product id → units. */
    static JsonNode place(Api api, Long customerId, Map<Long, Integer> lines) {
        Api.Response r = api.post("/api/pedidos", body(customerId, lines), UUID.randomUUID().toString());
        assertEquals(201, r.status(), () -> r.json().toString());
        return r.json();
    }

    static Map<String, Object> body(Long customerId, Map<Long, Integer> lines) {
        var body = new java.util.HashMap<String, Object>();
        if (customerId != null) body.put("customer_id", customerId);
        body.put("lineas", lines.entrySet().stream().map(e -> Map.of("product_id", e.getKey(), "quantity", e.getValue())).toList());
        return body;
    }

    static Api.Response step(Api api, long id, String action, Object body) {
        return api.post("/api/pedidos/" + id + "/" + action, body, UUID.randomUUID().toString());
    }
}
