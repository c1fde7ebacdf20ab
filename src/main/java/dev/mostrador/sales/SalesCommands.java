package dev.mostrador.sales;

import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code seed-pedidos}: a tenant with a year of orders, for the sales report and the benchmark. */
public final class SalesCommands {
    private SalesCommands() {}

    @Command(name = "seed-pedidos", description = "Load a year of orders (with the products, ofertas and customers they need) into a tenant.")
    public static final class SeedPedidos implements Callable<Integer> {
        @Option(names = "--tenant", defaultValue = "seed", description = "tenant slug (created when missing)") String tenant;
        @Option(names = "--products", defaultValue = "10000", description = "products the tenant has at least") int products;
        @Option(names = "--ofertas", defaultValue = "500", description = "active ofertas the tenant has at least") int ofertas;
        @Option(names = "--customers", defaultValue = "50000", description = "customers the tenant has at least") int customers;
        @Option(names = "--orders", defaultValue = "1000000", description = "orders added, 2 to 10 lines each") int orders;

        @Override
        public Integer call() {
            if (products < 1 || ofertas < 0 || customers < 0 || orders < 0) throw new IllegalArgumentException("--products must be 1 or more, the others 0 or more");
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                long t0 = System.nanoTime();
                var result = new SalesSeed(db.dsl()).load(tenant, new SalesSeed.Sizes(products, ofertas, customers, orders));
                result.millis().forEach((step, ms) -> System.out.printf("  %-20s %,8d ms%n", step, ms));
                System.out.printf("seeded tenant %s (%s) in %.1f s%n", result.tenant().slug(), result.tenant().id(), (System.nanoTime() - t0) / 1e9);
                long wrong = new SalesSeed(db.dsl()).inconsistent(result.tenant().id());
                System.out.println(wrong == 0 ? "pedidos ok: every order's totals equal the sums of its lines"
                        : CommandSupport.english("{0, plural, one {# order differs} other {# orders differ}} from its lines", wrong));
                return wrong == 0 ? 0 : 1;
            }
        }
    }
}
