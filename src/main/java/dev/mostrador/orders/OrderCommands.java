package dev.mostrador.orders;

import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The orders' jobs by hand: {@code jobs totales-pedidos} (Main groups every feature's jobs under {@code jobs}). */
public final class OrderCommands {
    private OrderCommands() {}

    @Command(name = "totales-pedidos", description = "Fold the orders' totals log into its rollup (the first time: backfill the rollup from the orders).")
    public static final class FoldTotals implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                long t0 = System.nanoTime();
                OrderTotalsJob.Run run = new OrderTotalsJob(db.dsl()).run();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (!run.ran()) System.out.println("another instance is folding the totals right now; nothing done");
                else if (run.backfilled()) System.out.printf("orders' totals backfilled from the orders in %d ms%n", ms);
                else System.out.println(CommandSupport.english("folded {0, plural, one {# change} other {# changes}} into the totals in {1} ms", run.folded(), ms));
            }
            return 0;
        }
    }
}
