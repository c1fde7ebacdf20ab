package dev.mostrador.orders;

import dev.mostrador.inventory.ReservationExpiry;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.inventory.StockLedger;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Race;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders under races, threads released together, each with its own HTTP client (or connection): the
 * database picks exactly one outcome, and after every race the stock counters equal their ledger.
 */
class OrderRaceTest {
    private Fixtures.TestTenant t;

    @BeforeEach
    void setUp() {
        t = Fixtures.tenant();
    }

    @AfterEach
    void countersEqualLedger() {
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void twentyDeliversAndCancelsOfOneOrderHaveExactlyOneWinnerAndCreditLumisOnce() throws Exception {
        OrderData.lumisRule(t.id(), "100");
        long a = StockRows.product(t.id(), "RACE-O", 1_000);
        long customer = RewardsRows.customer(t, "Rita", 0);
        Api admin = Api.staff(t.admin());
        for (int round = 0; round < 5; round++) {
            long id = OrderData.place(admin, customer, Map.of(a, 3)).get("id").asLong(); // $3000 → 30 lümis
            List<Api> clients = new ArrayList<>();
            for (int i = 0; i < 20; i++) clients.add(admin.ownConnection());
            List<Object> outcomes = Race.outcomes(20, i -> OrderData.step(clients.get(i), id, i % 2 == 0 ? "entregar" : "cancelar", "").status());
            assertEquals(1, outcomes.stream().filter(o -> o.equals(200)).count(), outcomes.toString());
            assertEquals(19, outcomes.stream().filter(o -> o.equals(409)).count(), outcomes.toString());
            String estado = (String) dsl().fetchValue("SELECT estado FROM pedidos WHERE id = ?", id);
            int earns = dsl().fetchCount(dsl().selectFrom("fact_accumulations").where("tenant_id = ? AND pedido_id = ?", t.id(), id));
            assertEquals(estado.equals("entregado") ? 1 : 0, earns, estado);
            assertEquals(2, dsl().fetchCount(dsl().selectFrom("pedido_eventos").where("tenant_id = ? AND pedido_id = ?", t.id(), id)));
            assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
        }
        long earned = ((Number) dsl().fetchValue("SELECT coalesce(sum(lumis_acreditados), 0) FROM pedidos WHERE tenant_id = ?", t.id())).longValue();
        assertEquals(earned, RewardsRows.balance(t, customer), "balance = lümis of the delivered orders");
    }

    @Test
    void placingFromACartWhileTheReleaseJobExpiresItEndsOneWayOnly() throws Exception {
        long a = StockRows.product(t.id(), "RACE-C", 1_000);
        Api vendedor = Api.staff(t.vendedor());
        ReservationExpiry job = new ReservationExpiry(dsl(), new StockLedger());
        int placed = 0;
        for (int round = 0; round < 12; round++) {
            OrderApiTest.addToCart(vendedor, a, 2);
            assertEquals(200, vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString()).status());
            long cart = ((Number) dsl().fetchValue("SELECT max(id) FROM carritos WHERE tenant_id = ? AND estado = 'reservado'", t.id())).longValue();
            // Alive for a moment: the order may come just before the job, or the time runs out first.
            Api own = vendedor.ownConnection();
            dsl().execute("UPDATE reservas SET expires_at = now() + interval '20 milliseconds' WHERE tenant_id = ? AND carrito_id = ?", t.id(), cart);
            int late = (round % 6) * 8; // from well before the expiry to well after it
            List<Object> outcomes = Race.outcomes(2, i -> {
                if (i == 0) {
                    Thread.sleep(late);
                    return own.post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString()).status();
                }
                Thread.sleep(20);
                return job.run();
            });
            int orders = dsl().fetchCount(dsl().selectFrom("pedidos").where("tenant_id = ? AND carrito_id = ?", t.id(), cart));
            String reserva = (String) dsl().fetchValue("SELECT estado FROM reservas WHERE tenant_id = ? AND carrito_id = ?", t.id(), cart);
            if (outcomes.get(0).equals(201)) {
                placed++;
                assertEquals(1, orders);
                assertEquals("confirmada", reserva, "placed with its stock");
            } else {
                assertEquals(409, outcomes.get(0), outcomes.toString());
                assertEquals(0, orders, "refused: nothing placed");
                assertEquals("expirada", reserva);
            }
            assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
        }
        assertTrue(placed < 12, "the orders sent after the expiry were refused: " + placed + " of 12 placed");
        assertEquals(placed * 2, StockRows.stock(t.id(), a).vendido(), "every order sold its units, no unit sold without an order");
        assertEquals(0, StockRows.stock(t.id(), a).reservado());
    }

    @Test
    void fivePlacementsOfOneCheckedOutCartMakeOneOrder() throws Exception {
        long a = StockRows.product(t.id(), "RACE-U", 100);
        Api vendedor = Api.staff(t.vendedor());
        OrderApiTest.addToCart(vendedor, a, 3);
        assertEquals(200, vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString()).status());
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) clients.add(vendedor.ownConnection());
        List<Object> outcomes = Race.outcomes(5, i -> {
            Api.Response r = clients.get(i).post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString());
            return r.status() == 201 ? 201 : r.status() + " " + r.json().get("error").asText();
        });
        assertEquals(1, outcomes.stream().filter(o -> o.equals(201)).count(), outcomes.toString());
        outcomes.stream().filter(o -> !o.equals(201)).forEach(o ->
                assertTrue(o.equals("409 cart_already_ordered") || o.equals("422 empty_cart"), "told the cart is an order already: " + o));
        assertEquals(1, dsl().fetchCount(dsl().selectFrom("pedidos").where("tenant_id = ?", t.id())));
        assertEquals(3, StockRows.stock(t.id(), a).vendido());
    }


}
