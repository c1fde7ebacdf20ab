package dev.mostrador.inventory;

import dev.mostrador.support.Cli;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed at a small size: the rows asked for, counters equal to the ledger, and the release job finds the expired ones. */
class InventorySeedTest {

    @Test
    void seedsConsistentStockAndExpiredReservations() {
        DSLContext dsl = TestDatabase.get().dsl();
        Fixtures.TestTenant t = Fixtures.tenant();
        UUID id = t.id();
        new InventorySeed(dsl).load(t.tenant().slug(), new InventorySeed.Sizes(200, 5_000, 600, 40));

        assertEquals(200, count(dsl, "SELECT count(*) FROM productos WHERE tenant_id = ?", id));
        assertEquals(5_000, count(dsl, "SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND motivo IN ('entrada', 'venta', 'ajuste') "
                + "AND documento_id IS NULL AND nota IS DISTINCT FROM 'Stock inicial (seed)'", id));
        assertEquals(600, count(dsl, "SELECT count(*) FROM reservas WHERE tenant_id = ?", id));
        assertEquals(40, count(dsl, "SELECT count(*) FROM reservas WHERE tenant_id = ? AND estado = 'pendiente' AND expires_at <= now()", id));
        assertTrue(count(dsl, "SELECT count(*) FROM reservas WHERE tenant_id = ? AND estado = 'pendiente' AND expires_at > now()", id) > 0);
        assertTrue(count(dsl, "SELECT count(*) FROM productos WHERE tenant_id = ? AND stock_minimo > 0 "
                + "AND stock_total - stock_reservado - stock_vendido < stock_minimo", id) > 0);
        assertTrue(new StockCheck(dsl).drifts(id).isEmpty(), () -> new StockCheck(dsl).drifts(id).toString());

        new InventorySeed(dsl).expired(t.tenant(), 25);
        assertTrue(new StockCheck(dsl).drifts(id).isEmpty());
        new ReservationExpiry(dsl, new StockLedger()).run();
        assertEquals(0, count(dsl, "SELECT count(*) FROM reservas WHERE tenant_id = ? AND estado = 'pendiente' AND expires_at <= now()", id));
        assertEquals(65, count(dsl, "SELECT count(*) FROM reservas WHERE tenant_id = ? AND estado = 'expirada' AND closed_at > now() - interval '1 minute'", id));
        assertTrue(new StockCheck(dsl).drifts(id).isEmpty());
    }

    @Test
    void theCommandSeedsATenantAndChecksIt() throws Exception {
        String slug = "seed-inv-" + UUID.randomUUID().toString().substring(0, 8);
        Cli.Run run = Cli.run("seed-inventario", "--tenant", slug, "--products", "50", "--movements", "800", "--reservations", "60", "--expired", "5");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("seeded tenant " + slug), run.out());
        assertTrue(run.out().contains("stock ok"), run.out());
    }

    private static long count(DSLContext dsl, String sql, Object... args) {
        return dsl.fetchValue(sql, args) instanceof Number n ? n.longValue() : -1;
    }
}
