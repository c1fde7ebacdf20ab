package dev.mostrador.inventory;

import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.StockRows.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkouts over HTTP under races, threads released together from a barrier, one HTTP client each. */
class CheckoutRaceTest {
    private Fixtures.TestTenant t;

    @BeforeEach
    void setUp() {
        t = Fixtures.tenant();
    }

    @AfterEach
    void countersEqualTheLedger() {
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()), "counters = sums of movements = pending reservations");
        assertEquals(0, dsl().fetchCount(dsl().selectFrom("productos").where("tenant_id = ? AND (stock_total < 0 OR stock_reservado < 0 "
                + "OR stock_vendido < 0 OR stock_total - stock_reservado - stock_vendido < 0)", t.id())));
    }

    @Test
    void fiftyCheckoutsForTenUnitsGiveExactlyTenReservations() throws Exception {
        long product = StockRows.product(t.id(), "HTTP-RACE", 10);
        List<Api> sellers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Api seller = Api.staff(Fixtures.user(t, Role.VENDEDOR)).ownConnection();
            assertEquals(201, seller.post("/api/carrito/agregar/", Map.of("product_id", product, "quantity", 1)).status());
            sellers.add(seller);
        }
        List<Api.Response> answers = together(sellers.size(), i -> sellers.get(i).post("/api/carrito/checkout/", "", UUID.randomUUID().toString()));
        assertEquals(10, answers.stream().filter(r -> r.status() == 200).count(), () -> statuses(answers));
        assertEquals(40, answers.stream().filter(r -> r.status() == 409).count(), () -> statuses(answers));
        for (Api.Response r : answers) {
            if (r.status() != 409) continue;
            assertEquals("not_enough_stock", r.json().get("error").asText());
            assertEquals(product, r.json().get("lines").get(0).get("product_id").asLong());
            assertEquals(0, r.json().get("lines").get(0).get("disponible").asInt());
        }
        assertEquals(10, StockRows.stock(t.id(), product).reservado());
    }

    @Test
    void cartsInOppositeOrderNeverDeadlock() throws Exception {
        long a = StockRows.product(t.id(), "OPP-A", 1000);
        long b = StockRows.product(t.id(), "OPP-B", 1000);
        Api first = Api.staff(Fixtures.user(t, Role.VENDEDOR)).ownConnection();
        Api second = Api.staff(Fixtures.user(t, Role.VENDEDOR)).ownConnection();
        for (int round = 0; round < 20; round++) {
            first.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 1));
            first.post("/api/carrito/agregar", Map.of("product_id", b, "quantity", 1));
            second.post("/api/carrito/agregar", Map.of("product_id", b, "quantity", 1));
            second.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 1));
            List<Api> both = List.of(first, second);
            List<Api.Response> answers = together(2, i -> both.get(i).post("/api/carrito/checkout", "", UUID.randomUUID().toString()));
            int r = round;
            answers.forEach(x -> assertEquals(200, x.status(), () -> "round " + r + ": " + x.json()));
            assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()), "after round " + round);
        }
        assertEquals(40, StockRows.stock(t.id(), a).reservado());
    }

    private List<Api.Response> together(int n, Race.Attempt<Api.Response> call) throws Exception {
        List<Api.Response> answers = Race.run(n, call);
        assertTrue(answers.stream().noneMatch(r -> r.status() >= 500), () -> statuses(answers));
        return answers;
    }

    private static String statuses(List<Api.Response> answers) {
        return answers.stream().map(r -> r.status() + " " + r.json()).toList().toString();
    }
}
