package dev.mostrador.inventory;

import dev.mostrador.support.StockRows;
import dev.mostrador.support.Cli;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.StockRows.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jobs liberar-reservas --verbose} says what seed 003's command says, and frees what expired only. */
class ReleaseCommandTest {

    @Test
    void releasesTheExpiredAndSaysHowMany() throws Exception {
        new ReservationExpiry(dsl(), new StockLedger()).run(); // others' leftovers first: the count below is this test's
        UUID tenant = Fixtures.tenant().id();
        long product = StockRows.product(tenant, "CLI-1", 10);
        Reservations reservations = new Reservations(new StockLedger(), dev.mostrador.platform.metrics.BusinessEvents.NONE);
        List<Reserva> made = dsl().transactionResult(cfg -> List.of(
                reservations.reserve(cfg.dsl(), tenant, Map.of(product, 2), null, null).get(0),
                reservations.reserve(cfg.dsl(), tenant, Map.of(product, 3), null, null).get(0),
                reservations.reserve(cfg.dsl(), tenant, Map.of(product, 1), null, null).get(0)));
        StockRows.expire(tenant, made.get(0).id());
        StockRows.expire(tenant, made.get(1).id());

        Cli.Run run = Cli.run("jobs", "liberar-reservas", "--verbose");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("Iniciando liberación de reservas expiradas..."), run.out());
        assertTrue(run.out().contains("2 reservas expiradas liberadas exitosamente"), run.out());
        assertEquals(1, StockRows.stock(tenant, product).reservado());
        assertEquals("pendiente", reservations.find(dsl(), tenant, made.get(2).id()).orElseThrow().estado());

        Cli.Run again = Cli.run("jobs", "liberar-reservas", "--verbose");
        assertTrue(again.out().contains("0 reservas expiradas liberadas exitosamente"), again.out());
        assertTrue(again.out().contains("No hay reservas expiradas para liberar"), again.out());
        assertEquals(List.of(), new StockCheck(dsl()).drifts(tenant));
    }
}
