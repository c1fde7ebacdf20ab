package dev.mostrador.inventory;

import dev.mostrador.inventory.dashboard.InventoryDashboard;
import dev.mostrador.inventory.dashboard.InventoryDashboardRepository;
import dev.mostrador.inventory.dashboard.InventoryDashboardRoutes;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires the inventory (seed 003): the movements ledger, reservations and their expiry job, the dashboard. */
public final class InventoryModule {
    /** How long the dashboard's figures serve before they are computed again (InventoryDashboard says why). */
    static final Duration DASHBOARD_FRESH = Duration.ofSeconds(5);
    private final StockLedger ledger = new StockLedger();
    private final Reservations reservations = new Reservations(ledger);
    private final ReservationExpiry expiry;
    private final InventoryDashboardRoutes dashboard;

    public InventoryModule(DSLContext dsl, Web web, Templates templates) {
        this.expiry = new ReservationExpiry(dsl, ledger);
        this.dashboard = new InventoryDashboardRoutes(web, templates,
                new InventoryDashboard(new InventoryDashboardRepository(dsl), DASHBOARD_FRESH));
    }

    /** What orders use to sell reserved stock. */
    public Reservations reservations() {
        return reservations;
    }

    public StockLedger ledger() {
        return ledger;
    }

    public void register(Routes routes) {
        dashboard.register(routes);
    }

    /** Seed 003 released expired reservations every 5 minutes by cron; here every minute, in the app. */
    public void schedule(Jobs jobs) {
        jobs.every("liberar-reservas", Duration.ofMinutes(1), expiry::run);
    }
}
