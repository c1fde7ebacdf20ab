package dev.mostrador.inventory;

import dev.mostrador.catalog.ProductoPageParts;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires the inventory (seed 003): the movements ledger, reservations and their expiry job, stock operations and counts. */
public final class InventoryModule {
    private final StockLedger ledger = new StockLedger();
    private final Reservations reservations = new Reservations(ledger);
    private final StockOperations operations = new StockOperations(ledger);
    private final StockCounts counts = new StockCounts(ledger);
    private final StockMovements movements = new StockMovements();
    private final ReservationExpiry expiry;
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final IdempotentApi api;

    public InventoryModule(DSLContext dsl, Web web, Templates templates, IdempotentApi api) {
        this.expiry = new ReservationExpiry(dsl, ledger);
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.api = api;
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
        new InventoryApi(dsl, api, operations, movements).register(routes);
        new StockCountApi(dsl, api, counts).register(routes);
        new StockEntryRoutes(dsl, web, templates, operations, movements).register(routes);
        new StockCountRoutes(dsl, web, templates, counts, operations).register(routes);
    }

    /** Seed 003 released expired reservations every 5 minutes by cron; here every minute, in the app. */
    public void schedule(Jobs jobs) {
        jobs.every("liberar-reservas", Duration.ofMinutes(1), expiry::run);
    }
}
