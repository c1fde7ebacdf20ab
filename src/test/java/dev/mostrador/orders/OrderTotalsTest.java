package dev.mostrador.orders;

import dev.mostrador.sales.SalesSeed;
import dev.mostrador.support.Api;
import dev.mostrador.support.Cli;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Race;
import dev.mostrador.support.StockRows;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mostrador.orders.OrderData.dsl;
import static dev.mostrador.orders.OrderTotalsCheck.matches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list's totals from the rollup (V022, OrderTotalsJob, OrderTotals) equal a plain count of
 * pedidos for every estado and range: live before the job folds the log, after it, after a backfill
 * of orders older than the triggers, and under races of placements, transitions and the job itself.
 */
class OrderTotalsTest {
    private final OrderTotalsJob job = new OrderTotalsJob(dsl());
    private Fixtures.TestTenant t;
    private Api admin;
    private long product;

    @BeforeEach
    void setUp() {
        job.run(); // whatever an earlier test left (a backfill to do), the rollup is ready
        t = Fixtures.tenant();
        admin = Api.staff(t.admin());
        product = StockRows.product(t.id(), "TOT-A", 10_000);
    }

    @Test
    void placementsAndTransitionsCountAtOnceAndAfterEveryFold() {
        List<Long> ids = place(admin, 12);
        matches(t);
        OrderTotalsCheck.spread(t);
        matches(t);
        for (int i = 0; i < 4; i++) assertEquals(200, OrderData.step(admin, ids.get(i), "entregar", "").status());
        assertEquals(200, OrderData.step(admin, ids.get(4), "cancelar", "").status());
        assertEquals(200, OrderData.step(admin, ids.get(0), "devolver", Map.of("apto_venta", true)).status());
        matches(t);
        assertTrue(job.run().folded() > 0);
        matches(t);
        assertEquals(200, OrderData.step(admin, ids.get(1), "devolver", Map.of("apto_venta", false)).status());
        assertEquals(200, OrderData.step(admin, ids.get(5), "cancelar", "").status());
        place(admin, 2);
        matches(t);
        job.run();
        matches(t);
        assertEquals(0L, dsl().fetchValue("SELECT count(*) FROM pedidos_totales WHERE n = 0 AND total = 0"), "cells back to nothing are gone");
        var json = admin.get("/api/pedidos?estado=entregado").json().get("totals");
        OrderQuery.Totals delivered = OrderTotalsCheck.count(t, new OrderQuery.Filter("entregado", null, null, null, null, null, null));
        assertEquals(delivered.count(), json.get("count").asLong());
        assertEquals(0, delivered.total().compareTo(json.get("total").decimalValue()));
    }

    @Test
    void bulkUpdatesDeletesAndTruncateMoveTheTotals() {
        place(admin, 6);
        long user = (Long) dsl().fetchValue("SELECT id FROM users WHERE tenant_id = ? ORDER BY id LIMIT 1", t.id());
        dsl().execute("INSERT INTO pedidos (tenant_id, user_id, moneda, subtotal, descuento, total, created_at, telefono) "
                + "SELECT ?, ?, 'CLP', 500 * i, 0, 500 * i, now() - interval '50 days' * i, 'directo' FROM generate_series(1, 3) i", t.id(), user);
        job.run();
        dsl().execute("UPDATE pedidos SET estado = 'cancelado', subtotal = subtotal + 7, total = total + 7 WHERE tenant_id = ? AND id % 2 = 0", t.id());
        dsl().execute("UPDATE pedidos SET nota = 'nada que contar' WHERE tenant_id = ?", t.id());
        matches(t);
        // Two of the three without lines (the orders placed have lines and history pointing to them).
        assertEquals(2, dsl().execute("DELETE FROM pedidos WHERE tenant_id = ? AND telefono = 'directo' AND total < 1200", t.id()));
        matches(t);
        job.run();
        matches(t);
        try {
            dsl().transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                tx.execute("TRUNCATE pedidos CASCADE");
                assertEquals(0L, tx.fetchValue("SELECT (SELECT count(*) FROM pedidos_totales) + (SELECT count(*) FROM pedidos_totales_delta)"));
                throw new RolledBack(); // the other tests' orders stay
            });
        } catch (RolledBack expected) {
            matches(t);
        }
    }

    private static final class RolledBack extends RuntimeException {}

    @Test
    void theBackfillCountsOrdersOlderThanTheTriggers() {
        place(admin, 3);
        long user = (Long) dsl().fetchValue("SELECT id FROM users WHERE tenant_id = ? ORDER BY id LIMIT 1", t.id());
        dsl().transaction(cfg -> { // rows the triggers never saw, as before V022
            cfg.dsl().execute("SET LOCAL session_replication_role = replica");
            cfg.dsl().execute("INSERT INTO pedidos (tenant_id, estado, user_id, moneda, subtotal, descuento, total, created_at) "
                    + "SELECT ?, CASE WHEN i % 2 = 0 THEN 'entregado' ELSE 'confirmado' END, ?, 'CLP', 100 * i, 0, 100 * i, "
                    + "now() - interval '9 days' * i FROM generate_series(1, 5) i", t.id(), user);
        });
        assertEquals(OrderTotalsCheck.count(t, all()).count() - 5, OrderTotalsCheck.rolledCount(t), "the log misses them");
        OrderTotalsCheck.forgetBackfill();
        assertTrue(new OrderTotals(dsl()).read(t.id(), all()).isEmpty(), "not backfilled: the list counts");
        OrderTotalsCheck.same(OrderTotalsCheck.count(t, all()), new OrderQuery(dsl()).totals(t.id(), all()), "counted");
        place(admin, 1);
        assertTrue(job.run().backfilled());
        assertEquals(OrderTotalsCheck.count(t, all()).count(), OrderTotalsCheck.rolledCount(t));
        matches(t);
        place(admin, 1);
        assertFalse(job.run().backfilled());
        matches(t);
    }

    @Test
    void theSalesSeedWritesTheLogItsTriggersWouldHave() {
        new SalesSeed(dsl()).load(t.tenant().slug(), new SalesSeed.Sizes(20, 4, 30, 600));
        matches(t);
        job.run();
        matches(t);
    }

    @Test
    void placementsTransitionsAndTheJobInARaceLeaveExactTotals() throws Exception {
        List<Long> ids = place(admin, 24);
        OrderTotalsCheck.forgetBackfill(); // the race's first run of the job backfills while orders move
        List<Boolean> ran = new ArrayList<>();
        Race.run(8, i -> {
            Api own = admin.ownConnection();
            if (i < 4) {
                for (int k = i; k < ids.size(); k += 4) {
                    OrderData.step(own, ids.get(k), k % 3 == 0 ? "cancelar" : "entregar", "");
                    if (k % 5 == 1) OrderData.step(own, ids.get(k), "devolver", Map.of("apto_venta", true));
                }
            } else if (i < 6) {
                place(own, 5);
            } else {
                for (int k = 0; k < 15; k++) {
                    boolean r = job.run().ran();
                    synchronized (ran) { ran.add(r); }
                    Thread.sleep(3);
                }
            }
            return null;
        });
        assertTrue(ran.contains(true));
        job.run();
        matches(t);
    }

    @Test
    void eachTenantSeesItsOwnTotals() {
        Fixtures.TestTenant other = Fixtures.tenant();
        Api otherAdmin = Api.staff(other.admin());
        long otherProduct = StockRows.product(other.id(), "TOT-B", 100);
        place(admin, 4);
        for (int i = 0; i < 2; i++) OrderData.place(otherAdmin, null, Map.of(otherProduct, 5));
        job.run();
        matches(t);
        matches(other);
        assertEquals(4, admin.get("/api/pedidos").json().get("totals").get("count").asLong());
        assertEquals(2, otherAdmin.get("/api/pedidos").json().get("totals").get("count").asLong());
        assertEquals(0, Api.staff(Fixtures.tenant().admin()).get("/api/pedidos").json().get("totals").get("count").asLong());
    }

    @Test
    void theCommandFoldsTheLog() throws Exception {
        place(admin, 2);
        Cli.Run run = Cli.run("jobs", "totales-pedidos");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().matches("(?s).*folded \\d+ changes? into the totals in \\d+ ms.*"), run.out());
        assertEquals(0L, dsl().fetchValue("SELECT count(*) FROM pedidos_totales_delta WHERE tenant_id = ?", t.id()));
        matches(t);
    }

    private List<Long> place(Api api, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(OrderData.place(api, null, Map.of(product, 1 + i % 3)).get("id").asLong());
        return ids;
    }

    private static OrderQuery.Filter all() {
        return new OrderQuery.Filter(null, null, null, null, null, null, null);
    }
}
