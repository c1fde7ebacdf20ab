package dev.mostrador.inventory;

import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.web.Routes;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires the inventory (seed 003): the movements ledger, reservations and their expiry job. */
public final class InventoryModule {
    private final StockLedger ledger = new StockLedger();
    private final Reservations reservations = new Reservations(ledger);
    private final ReservationExpiry expiry;

    public InventoryModule(DSLContext dsl) {
        this.expiry = new ReservationExpiry(dsl, ledger);
    }

    /** What orders use to sell reserved stock. */
    public Reservations reservations() {
        return reservations;
    }

    public StockLedger ledger() {
        return ledger;
    }

    public void register(Routes routes) {
    }

    /** Seed 003 released expired reservations every 5 minutes by cron; here every minute, in the app. */
    public void schedule(Jobs jobs) {
        jobs.every("liberar-reservas", Duration.ofMinutes(1), expiry::run);
    }
}
