package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.Reservations;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.inventory.StockLedger;
import org.jooq.Record;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tenant with products and stock made through the API, and the checks every stock test ends with. */
public final class StockOpsData {
    private static final AtomicInteger SEQ = new AtomicInteger();
    public final Fixtures.TestTenant tenant;
    public final Api admin;
    public final Api oficina;
    public final Api vendedor;

    private StockOpsData(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.admin = Api.staff(tenant.admin());
        this.oficina = Api.staff(tenant.oficina());
        this.vendedor = Api.staff(tenant.vendedor());
    }

    public static StockOpsData fresh() {
        return new StockOpsData(Fixtures.tenant());
    }

    /** A new active product; returns its JSON. */
    public JsonNode producto(String skuPrefix) {
        String sku = skuPrefix + "-" + SEQ.incrementAndGet();
        Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "nombre", "Producto " + sku, "precio", 1990));
        assertEquals(201, r.status(), () -> "producto: " + r.json());
        return r.json();
    }

    /** A new product with this many units received. */
    public long conStock(String skuPrefix, int units) {
        long id = producto(skuPrefix).get("id").asLong();
        if (units > 0) {
            Api.Response r = oficina.post("/api/inventario/entradas", Map.of("producto_id", id, "cantidad", units));
            assertEquals(201, r.status(), () -> "entrada: " + r.json());
        }
        return id;
    }

    /** Holds units of a product as the checkout does (a pending reservation of 15 minutes). */
    public void reserve(long productoId, int units) {
        TestDatabase.get().dsl().transaction(cfg -> new Reservations(new StockLedger(), dev.mostrador.platform.metrics.BusinessEvents.NONE).reserve(cfg.dsl(), tenant.id(), Map.of(productoId, units), null, null));
    }

    /** total, reservado, vendido, minimo as stored. */
    public int[] counters(long productoId) {
        Record r = TestDatabase.get().dsl().fetchOne("SELECT stock_total, stock_reservado, stock_vendido, stock_minimo FROM productos "
                + "WHERE tenant_id = ? AND id = ?", tenant.id(), productoId);
        return new int[] {r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class)};
    }

    public int movements(long productoId) {
        return TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND producto_id = ?", tenant.id(), productoId);
    }

    /** Counters equal the ledger's sums for every product of the tenant. */
    public void assertNoDrift() {
        List<StockCheck.Drift> drifts = new StockCheck(TestDatabase.get().dsl()).drifts(tenant.id());
        assertTrue(drifts.isEmpty(), () -> "drift: " + drifts);
    }

    public UUID id() {
        return tenant.id();
    }
}
