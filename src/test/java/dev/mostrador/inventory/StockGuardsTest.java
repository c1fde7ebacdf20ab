package dev.mostrador.inventory;

import dev.mostrador.support.Cli;
import dev.mostrador.support.StockOpsData;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database itself keeps stock honest, whatever the code does: counters move only from the
 * ledger, never below zero, the ledger is never rewritten; and {@code jobs check-stock} finds a drift.
 */
class StockGuardsTest {
    private final DSLContext dsl = TestDatabase.get().dsl();

    @Test
    void countersChangeOnlyThroughTheLedgerAndNeverBelowZero() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("GRD", 5);
        UUID t = d.id();
        DataAccessException direct = assertThrows(DataAccessException.class,
                () -> dsl.execute("UPDATE productos SET stock_total = 50 WHERE tenant_id = ? AND id = ?", t, id));
        assertTrue(direct.getMessage().contains("only through stock_movimientos"), direct.getMessage());
        assertThrows(DataAccessException.class, () -> dsl.execute("UPDATE productos SET stock_vendido = 1 WHERE tenant_id = ? AND id = ?", t, id));

        DataAccessException negative = assertThrows(DataAccessException.class, () -> dsl.execute(
                "INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total, nota) VALUES (?, ?, 'ajuste', -6, 'x')", t, id));
        assertTrue(StockLedger.isShortage(negative), negative.getMessage());
        assertThrows(DataAccessException.class, () -> dsl.execute(
                "INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_reservado) VALUES (?, ?, 'liberacion', -1)", t, id));

        DataAccessException update = assertThrows(DataAccessException.class,
                () -> dsl.execute("UPDATE stock_movimientos SET delta_total = 500 WHERE tenant_id = ? AND producto_id = ?", t, id));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(DataAccessException.class, () -> dsl.execute("DELETE FROM stock_movimientos WHERE tenant_id = ? AND producto_id = ?", t, id));

        assertArrayEquals(new int[] {5, 0, 0, 0}, d.counters(id));
        assertEquals(1, d.movements(id));
        d.assertNoDrift();
    }

    @Test
    void checkStockExitsZeroWhenCountersMatchAndOneListingTheProductWhenTheyDrift() throws Exception {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("DRIFT", 3);
        String sku = dsl.fetchValue("SELECT sku FROM productos WHERE id = ?", id).toString();
        Cli.Run ok = Cli.run("jobs", "check-stock");
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("stock ok"), ok.out());
        try {
            ledgerOnly(d.id(), id, 4);
            assertEquals(1, new StockCheck(dsl).drifts(d.id()).size());
            Cli.Run drift = Cli.run("jobs", "check-stock");
            assertEquals(1, drift.exit(), drift.out());
            assertTrue(drift.out().contains("product " + id + " (" + sku + "): total 3 vs ledger 7"), drift.out());
        } finally {
            // Cancelled the same way, so the shared database stays honest for every test after this one.
            ledgerOnly(d.id(), id, -4);
        }
        d.assertNoDrift();
        assertEquals(0, Cli.run("jobs", "check-stock").exit());
    }

    /** A movement whose trigger does not run (replica mode skips triggers, in this transaction only): the ledger moves, the counters don't. */
    private void ledgerOnly(UUID tenantId, long productoId, int delta) {
        dsl.transaction(cfg -> {
            cfg.dsl().execute("SET LOCAL session_replication_role = replica");
            cfg.dsl().execute("INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total, nota) VALUES (?, ?, 'ajuste', ?, 'test: forced drift')",
                    tenantId, productoId, delta);
        });
    }
}
