package dev.mostrador.duplicates;

import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Race;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.StockRows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mostrador.duplicates.DuplicateData.count;
import static dev.mostrador.duplicates.DuplicateData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A merge racing an order for the loser (issue 14's guarantee): the order ends on the winner,
 * nothing points to a customer that is gone, and every balance equals its ledger.
 */
class MergeRaceTest {

    private static Api.Response order(Api api, long customer, long product) {
        return api.post("/api/pedidos", Map.of("customer_id", customer, "lineas", List.of(Map.of("product_id", product, "quantity", 1))),
                UUID.randomUUID().toString());
    }

    private static void nothingDangles(Fixtures.TestTenant t) {
        assertEquals(0, count("SELECT count(*) FROM pedidos p WHERE p.tenant_id = ? AND p.customer_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = p.tenant_id AND c.id = p.customer_id)", t.id()));
        assertEquals(0, count("SELECT count(*) FROM customers c WHERE c.tenant_id = ? AND c.lumis_balance <> coalesce((SELECT sum(amount)"
                + " FROM fact_accumulations f WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id), 0)", t.id()));
    }

    @Test
    void ordersAndMergesReleasedTogetherEndOnTheWinner() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        long product = StockRows.product(t.id(), "RACE-M", 1_000);
        Api admin = Api.staff(t.admin());
        for (int round = 0; round < 8; round++) {
            long winner = RewardsRows.customerInLedger(t, "Ganador " + round, 40);
            long loser = RewardsRows.customerInLedger(t, "Perdedor " + round, 25);
            Api merging = admin.ownConnection(), ordering = admin.ownConnection();
            List<Object> outcomes = Race.run(2, i -> i == 0
                    ? merging.post("/api/v1/rewards/customers/merge", Map.of("winner_id", winner, "loser_id", loser), UUID.randomUUID().toString())
                    : order(ordering, loser, product));
            Api.Response merged = (Api.Response) outcomes.get(0), placed = (Api.Response) outcomes.get(1);
            assertEquals(200, merged.status(), () -> merged.json().toString());
            assertEquals(201, placed.status(), () -> placed.json().toString());
            long id = placed.json().get("id").asLong();
            assertEquals(winner, count("SELECT customer_id FROM pedidos WHERE tenant_id = ? AND id = ?", t.id(), id), "round " + round);
            assertEquals(65, RewardsRows.balance(t, winner));
            nothingDangles(t);
        }
    }

    /** The order's foreign key check waits on the merge's lock and then finds the loser gone: it is placed on the winner. */
    @Test
    void anOrderWhoseCustomerIsMergedUnderItIsPlacedOnTheWinner() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        long product = StockRows.product(t.id(), "RACE-F", 100);
        long winner = RewardsRows.customerInLedger(t, "Gana", 10), loser = RewardsRows.customerInLedger(t, "Pierde", 5);
        long user = DuplicateData.userId(t, t.admin());
        Api ordering = Api.staff(t.admin()).ownConnection();
        CompletableFuture<Api.Response> placed = new CompletableFuture<>();
        dsl().transaction(cfg -> {
            new CustomerMerger().merge(cfg.dsl(), t.id(), winner, loser, Map.of(), user);
            // The loser is deleted but not committed: the order sees it, and its insert waits on our lock.
            CompletableFuture.runAsync(() -> placed.complete(order(ordering, loser, product)));
            Thread.sleep(700);
        });
        Api.Response r = placed.get(30, TimeUnit.SECONDS);
        assertEquals(201, r.status(), () -> r.json().toString());
        assertEquals(winner, count("SELECT customer_id FROM pedidos WHERE tenant_id = ? AND id = ?", t.id(), r.json().get("id").asLong()));
        assertEquals(15, RewardsRows.balance(t, winner));
        nothingDangles(t);
    }
}
