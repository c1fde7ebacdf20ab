package dev.mostrador.inventory;

import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The inventory's jobs by hand: {@code jobs liberar-reservas} and {@code jobs check-stock} (Main groups
 * them under {@code jobs}), and {@code seed-inventario}, a tenant full of stock for the dashboard and the benchmark.
 */
public final class InventoryCommands {
    private InventoryCommands() {}

    @Command(name = "seed-inventario", description = "Load products with stock, a ledger of movements over 90 days and reservations into a tenant.")
    public static final class SeedInventory implements Callable<Integer> {
        @Option(names = "--tenant", defaultValue = "seed", description = "tenant slug (created when missing)") String tenant;
        @Option(names = "--products", defaultValue = "10000") int products;
        @Option(names = "--movements", defaultValue = "1000000", description = "entradas, ventas and ajustes (reservations add their own)") int movements;
        @Option(names = "--reservations", defaultValue = "50000") int reservations;
        @Option(names = "--expired", defaultValue = "2500", description = "of the reservations, pending ones already past their time") int expired;

        @Override
        public Integer call() {
            if (products < 1 || movements < 0 || reservations < 0 || expired < 0 || expired > reservations) {
                throw new IllegalArgumentException("--products must be 1 or more, --expired at most --reservations");
            }
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                long t0 = System.nanoTime();
                var result = new InventorySeed(db.dsl()).load(tenant, new InventorySeed.Sizes(products, movements, reservations, expired));
                result.millis().forEach((step, ms) -> System.out.printf("  %-20s %,8d ms%n", step, ms));
                System.out.printf("seeded tenant %s (%s) in %.1f s%n", result.tenant().slug(), result.tenant().id(), (System.nanoTime() - t0) / 1e9);
                int drifts = new StockCheck(db.dsl()).drifts(result.tenant().id()).size();
                System.out.println(drifts == 0 ? "stock ok: every product's counters equal the sums of its movements"
                        : CommandSupport.english("{0, plural, one {# product drifted} other {# products drifted}}", drifts));
                return drifts == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "liberar-reservas", description = "Release reservations past their time (seed 003's liberar_reservas_expiradas).")
    public static final class ReleaseExpired implements Callable<Integer> {
        @Option(names = "--verbose", description = "say what was done") boolean verbose;

        @Override
        public Integer call() {
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                if (verbose) System.out.println("Iniciando liberación de reservas expiradas...");
                int n = new ReservationExpiry(db.dsl(), new StockLedger()).run();
                if (verbose || n > 0) {
                    System.out.println(CommandSupport.spanish("{0, plural, one {# reserva expirada liberada} other {# reservas expiradas liberadas}} exitosamente", n));
                }
                if (verbose && n == 0) System.out.println("No hay reservas expiradas para liberar");
            }
            return 0;
        }
    }

    @Command(name = "check-stock", description = "Compare every product's counters with the sums of its movements; exit 1 on any drift.")
    public static final class CheckStock implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                List<StockCheck.Drift> drifts = new StockCheck(db.dsl()).drifts();
                for (StockCheck.Drift d : drifts) {
                    System.out.printf("drift: tenant %s product %d (%s): total %d vs ledger %d, reserved %d vs ledger %d vs pending reservations %d, "
                                    + "sold %d vs ledger %d%n", d.tenantId(), d.productoId(), d.sku(), d.total(), d.ledgerTotal(), d.reservado(),
                            d.ledgerReservado(), d.pendientes(), d.vendido(), d.ledgerVendido());
                }
                System.out.println(drifts.isEmpty() ? "stock ok: every product's counters equal the sums of its movements"
                        : CommandSupport.english("{0, plural, one {# product drifted} other {# products drifted}}", drifts.size()));
                return drifts.isEmpty() ? 0 : 1;
            }
        }
    }
}
