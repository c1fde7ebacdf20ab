package dev.mostrador.imports;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;
import java.util.Map;

/** Imports: wiring only. The worker runs what users start even where periodic jobs are off (tests, a web-only instance). */
public final class ImportModule implements AutoCloseable {
    private final ImportRepository repository;
    private final ImportWorker worker;
    private final ImportRoutes routes;
    private final ImportUndoRoutes undoRoutes;
    private final ImportCustomerParts customerParts;

    /** {@code ledger}: the inventory's, where a products import writes its initial stock. */
    public ImportModule(DSLContext dsl, Config config, Web web, Templates templates, TenantCache tenants, StockLedger ledger) {
        this.repository = new ImportRepository(dsl);
        // Each kind that can be undone says how.
        ImportUndo undo = new ImportUndo(dsl, Map.of("customers", new CustomerUndo(), "products", new ProductUndo(ledger)));
        this.worker = new ImportWorker(dsl, repository, tenants, ledger, undo, 2);
        this.routes = new ImportRoutes(web, templates, repository, worker, config.importMaxMb());
        this.undoRoutes = new ImportUndoRoutes(web, templates, routes, undo, worker);
        this.customerParts = new ImportCustomerParts(repository, web, templates);
    }

    public void register(Routes r) {
        routes.register(r);
        undoRoutes.register(r);
    }

    /** The imports that touched a customer, on its page and its timeline. */
    public ImportCustomerParts customerParts() {
        return customerParts;
    }

    /** At start, imports left in flight are taken up again; then every 10 s, those another instance left when it died. */
    public void schedule(Jobs jobs) {
        worker.sweep();
        jobs.every("imports-resume", Duration.ofSeconds(10), worker::sweep);
    }

    public ImportWorker worker() {
        return worker;
    }

    public ImportRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        worker.close();
    }
}
