package dev.mostrador.inventory;

import dev.mostrador.catalog.ProductoPageParts;
import dev.mostrador.inventory.dashboard.InventoryDashboard;
import dev.mostrador.inventory.dashboard.InventoryDashboardRepository;
import dev.mostrador.inventory.dashboard.InventoryDashboardRoutes;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires the inventory (seed 003): the movements ledger, reservations and their expiry job, stock operations and counts, the cart, the dashboard. */
public final class InventoryModule {
    /** How long the dashboard's figures serve before they are computed again (InventoryDashboard says why). */
    static final Duration DASHBOARD_FRESH = Duration.ofSeconds(5);
    private final StockLedger ledger = new StockLedger();
    private final Reservations reservations;
    private final StockOperations operations = new StockOperations(ledger);
    private final StockCounts counts = new StockCounts(ledger);
    private final StockMovements movements = new StockMovements();
    private final ReservationExpiry expiry;
    private final DSLContext dsl;
    private final ActiveOfertaCache ofertas;
    private final IdempotentApi api;
    private final Web web;
    private final Templates templates;
    private final InventoryDashboardRoutes dashboard;
    private final BusinessEvents.Counter expired;

    public InventoryModule(DSLContext dsl, ActiveOfertaCache ofertas, IdempotentApi api, Web web, Templates templates,
                           BusinessEvents events) {
        this.reservations = new Reservations(ledger, events);
        this.expired = events.counter(Reservations.RELEASED, Reservations.RELEASED_HELP, "reason", "expired");
        this.expiry = new ReservationExpiry(dsl, ledger);
        this.dsl = dsl;
        this.ofertas = ofertas;
        this.api = api;
        this.web = web;
        this.templates = templates;
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

    /** The stock section of a product's page (the catalog shows it without knowing the inventory). */
    public ProductoPageParts productPageParts() {
        return new ProductStockPanel(dsl, web, templates, operations, movements);
    }

    public void register(Routes routes) {
        CartService carts = new CartService(ofertas, reservations);
        ReservationQuery query = new ReservationQuery(dsl);
        new CartApi(dsl, carts, ofertas, api).register(routes);
        new ReservationApi(query, reservations, api).register(routes);
        new CartRoutes(dsl, web, templates, carts, ofertas).register(routes);
        new ReservationRoutes(dsl, web, templates, query, reservations).register(routes);
        new InventoryApi(dsl, api, operations, movements).register(routes);
        new StockCountApi(dsl, api, counts).register(routes);
        new StockEntryRoutes(dsl, web, templates, operations, movements).register(routes);
        new StockCountRoutes(dsl, web, templates, counts, operations).register(routes);
        dashboard.register(routes);
    }

    /** Seed 003 released expired reservations every 5 minutes by cron; here every minute, in the app. */
    public void schedule(Jobs jobs) {
        jobs.everyCountingRows("liberar-reservas", Duration.ofMinutes(1), () -> {
            long released = expiry.run();
            expired.add(released);
            return released;
        });
    }
}
