package dev.mostrador.ops;

import dev.mostrador.inventory.StockCheck;
import dev.mostrador.platform.backup.Invariant;
import dev.mostrador.rewards.ledger.LumisBalanceCheck;
import dev.mostrador.sales.SalesSeed;

import java.util.List;
import java.util.UUID;

/** The rules a restored copy must keep, each from the feature that owns it (the same checks its own commands run). */
final class AppInvariants {
    private AppInvariants() {}

    static List<Invariant> all() {
        return List.of(
                new Invariant("lümis ledger = balance (every customer)", LumisBalanceCheck::drifts),
                new Invariant("stock counters = movements (every product)", dsl -> new StockCheck(dsl).drifts().size()),
                new Invariant("order totals = their lines (every order)", dsl -> {
                    SalesSeed orders = new SalesSeed(dsl);
                    return dsl.fetch("SELECT id FROM public.tenants").getValues(0, UUID.class).stream()
                            .mapToLong(orders::inconsistent).sum();
                }));
    }
}
