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

/** Imports: wiring only. The worker runs what users start even where periodic jobs are off (tests, a web-only instance). */
public final class ImportModule implements AutoCloseable {
    private final ImportRepository repository;
    private final ImportWorker worker;
    private final ImportRoutes routes;

    /** {@code ledger}: the inventory's, where a products import writes its initial stock. */
    public ImportModule(DSLContext dsl, Config config, Web web, Templates templates, TenantCache tenants, StockLedger ledger) {
        this.repository = new ImportRepository(dsl);
        this.worker = new ImportWorker(dsl, repository, tenants, ledger, 2);
        this.routes = new ImportRoutes(web, templates, repository, worker, config.importMaxMb());
    }

    public void register(Routes r) {
        routes.register(r);
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
