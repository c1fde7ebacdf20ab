package dev.mostrador.support;

import dev.mostrador.inventory.Stock;
import dev.mostrador.inventory.StockLedger;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/** Products and stock straight through the database, for the inventory's and the orders' tests. */
public final class StockRows {
    private StockRows() {}

    public static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    /** A product of the tenant with {@code units} received. */
    public static long product(UUID tenantId, String sku, int units) {
        long id = ((Number) dsl().fetchValue("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?, ?, ?, 1000) RETURNING id",
                tenantId, sku, "Producto " + sku)).longValue();
        if (units > 0) {
            dsl().transaction(cfg -> new StockLedger().append(cfg.dsl(), tenantId, null, List.of(StockLedger.Movimiento.entrada(id, units, "test"))));
        }
        return id;
    }

    public static Stock stock(UUID tenantId, long productId) {
        return new StockLedger().read(dsl(), tenantId, List.of(productId)).get(productId);
    }

    /** Moves a reservation's expiry into the past, as if its 15 minutes had gone by. */
    public static void expire(UUID tenantId, long reservaId) {
        dsl().execute("UPDATE reservas SET expires_at = now() - interval '1 second' WHERE tenant_id = ? AND id = ?", tenantId, reservaId);
    }
}
