package dev.mostrador.inventory;

import dev.mostrador.support.StockRows;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Race;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.StockRows.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory core under races, threads released together, each on its own connection: the
 * database decides, exactly, and after every race the counters equal their ledger.
 */
class ReservationRaceTest {
    private final StockLedger ledger = new StockLedger();
    private final Reservations reservations = new Reservations(ledger, dev.mostrador.platform.metrics.BusinessEvents.NONE);
    private UUID tenant;

    @BeforeEach
    void setUp() {
        tenant = Fixtures.tenant().id();
    }

    @AfterEach
    void ledgerEqualsCounters() {
        assertEquals(List.of(), new StockCheck(dsl()).drifts(tenant), "counters = sums of their movements = pending reservations");
        assertEquals(0, dsl().fetchCount(dsl().selectFrom("productos").where("tenant_id = ? AND (stock_total < 0 OR stock_reservado < 0 "
                + "OR stock_vendido < 0 OR stock_total - stock_reservado - stock_vendido < 0)", tenant)));
    }

    @Test
    void fiftyCheckoutsForTenUnitsLeaveExactlyTenReservations() throws Exception {
        long product = StockRows.product(tenant, "RACE-1", 10);
        List<Object> outcomes = Race.outcomes(50, i -> reserve(Map.of(product, 1)));
        long won = outcomes.stream().filter(o -> o instanceof List<?>).count();
        assertEquals(10, won);
        for (Object o : outcomes) {
            if (o instanceof NotEnoughStock refused) {
                assertEquals(product, refused.shortages().get(0).productoId());
                assertEquals(0, refused.shortages().get(0).disponible());
            } else {
                assertTrue(o instanceof List<?>, "a checkout either reserves or is told what is short, got " + o);
            }
        }
        Stock after = StockRows.stock(tenant, product);
        assertEquals(10, after.reservado());
        assertEquals(0, after.disponible());
    }

    @Test
    void cartsHoldingTheSameProductsInOppositeOrderNeverDeadlock() throws Exception {
        long a = StockRows.product(tenant, "RACE-A", 1_000);
        long b = StockRows.product(tenant, "RACE-B", 1_000);
        for (int round = 0; round < 10; round++) {
            List<Object> outcomes = Race.outcomes(8, i -> {
                Map<Long, Integer> cart = new LinkedHashMap<>();
                if (i % 2 == 0) { cart.put(a, 1); cart.put(b, 1); } else { cart.put(b, 1); cart.put(a, 1); }
                return reserve(cart);
            });
            outcomes.forEach(o -> assertTrue(o instanceof List<?>, "no error, no deadlock: " + o));
        }
        assertEquals(80, StockRows.stock(tenant, a).reservado());
        assertEquals(80, StockRows.stock(tenant, b).reservado());
    }

    @Test
    void theReleaseJobRacingAConfirmationEndsOneWayOnly() throws Exception {
        long product = StockRows.product(tenant, "RACE-J", 100);
        ReservationExpiry job = new ReservationExpiry(dsl(), ledger);
        for (int round = 0; round < 20; round++) {
            Reserva r = reserve(Map.of(product, 2)).get(0);
            // Alive for a moment: the confirmation may come just before the job, or the time runs out first.
            dsl().execute("UPDATE reservas SET expires_at = now() + interval '30 milliseconds' WHERE id = ?", r.id());
            List<Object> outcomes = Race.outcomes(2, i -> {
                if (i == 0) return dsl().transactionResult(cfg -> reservations.confirm(cfg.dsl(), tenant, List.of(r.id()), null,
                        StockLedger.Documento.pedido(r.id())));
                Thread.sleep(30);
                return job.run();
            });
            String state = reservations.find(dsl(), tenant, r.id()).orElseThrow().estado();
            assertTrue(state.equals("confirmada") || state.equals("expirada"), state);
            boolean confirmed = outcomes.get(0) instanceof List<?>;
            assertEquals(confirmed, state.equals("confirmada"), "the confirmation's answer matches the row: " + outcomes);
            assertEquals(1, dsl().fetchCount(dsl().selectFrom("stock_movimientos")
                    .where("tenant_id = ? AND documento_tipo IN ('reserva', 'pedido') AND motivo IN ('venta', 'liberacion') AND (documento_id = ? OR nota = ?)",
                            tenant, r.id(), "Reserva " + r.id())), "one ending movement for reservation " + r.id());
        }
    }

    @Test
    void twoReleaseJobsAtOnceReleaseEachReservationOnce() throws Exception {
        long product = StockRows.product(tenant, "RACE-E", 500);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 200; i++) made.add(reserve(Map.of(product, 1)).get(0).id());
        made.forEach(id -> StockRows.expire(tenant, id)); // all at once: a checkout releases its products' expired ones itself
        ReservationExpiry job = new ReservationExpiry(dsl(), ledger);
        List<Object> outcomes = Race.outcomes(4, i -> job.run());
        int released = outcomes.stream().mapToInt(o -> (Integer) o).sum();
        // Other tests' tenants may have expired reservations too; this tenant's 200 are released once each.
        assertTrue(released >= 200, "released " + released);
        assertEquals(0, StockRows.stock(tenant, product).reservado());
        assertEquals(200, dsl().fetchCount(dsl().selectFrom("stock_movimientos").where("tenant_id = ? AND motivo = 'liberacion'", tenant)));
    }

    @Test
    void aCheckoutReleasesReservationsPastTheirTimeItselfAndSucceeds() {
        long product = StockRows.product(tenant, "RACE-X", 3);
        Reserva old = reserve(Map.of(product, 3)).get(0);
        StockRows.expire(tenant, old.id());
        List<Reserva> made = reserve(Map.of(product, 3));
        assertEquals(3, made.get(0).cantidad());
        assertEquals("expirada", reservations.find(dsl(), tenant, old.id()).orElseThrow().estado());
        assertEquals(3, StockRows.stock(tenant, product).reservado());
    }

    private List<Reserva> reserve(Map<Long, Integer> units) {
        return dsl().transactionResult(cfg -> reservations.reserve(cfg.dsl(), tenant, units, null, null));
    }


}
