package dev.mostrador.imports;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Format;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs dry runs, commits and undos in the background, their state in PostgreSQL. An import is worked on
 * by whoever holds its session-level advisory lock, taken on a connection held for the work: two
 * instances (or a sweep racing a click) never work on the same import, and when a process dies its
 * connection closes and the lock goes with it, so the next sweep (at start, then every few
 * seconds) resumes the import after its last committed batch.
 */
public final class ImportWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    /** pg_advisory_lock(classid, objid): this class id is the imports'. */
    private static final int LOCK_CLASS = 14_001;

    private final DSLContext dsl;
    private final ImportRepository imports;
    private final TenantCache tenants;
    private final ImportDryRun dryRun;
    private final CustomerCommit customers;
    private final ProductCommit products;
    private final ImportUndo undo;
    private final ExecutorService executor;
    /** Tests: the number of batches to commit before failing as a killed process would (-1: never). */
    private final AtomicInteger crashAfter = new AtomicInteger(-1);

    ImportWorker(DSLContext dsl, ImportRepository imports, TenantCache tenants, StockLedger ledger, ImportUndo undo, int threads) {
        this.dsl = dsl;
        this.imports = imports;
        this.tenants = tenants;
        this.dryRun = new ImportDryRun(imports);
        this.customers = new CustomerCommit(imports);
        this.products = new ProductCommit(imports, ledger);
        this.undo = undo;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mostrador-imports");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts work on an import (a click): in the background, at once. */
    public void submit(long importId) {
        executor.execute(() -> work(importId));
    }

    /** Imports left validating, importing or undoing (by a restart, a crash, another instance that died): taken up again. */
    public void sweep() {
        for (Long id : Jdbc.list(dsl, "SELECT id FROM imports WHERE state IN ('validating', 'importing') ORDER BY id", r -> r.getLong(1))) {
            submit(id);
        }
        for (Long id : undo.inFlight()) submit(id);
    }

    /** Works on one import until it is done or waits for the user; returns at once when another worker holds it. */
    public void work(long importId) {
        try {
            dsl.connection(lockConnection -> {
                if (!tryLock(lockConnection, importId)) return;
                try {
                    run(importId);
                } finally {
                    unlock(lockConnection, importId);
                }
            });
        } catch (SimulatedCrash e) {
            log.info("import {} stopped as a crash would stop it", importId);
        } catch (RuntimeException e) {
            log.error("import {} failed", importId, e);
            Jdbc.execute(dsl, "UPDATE imports SET state = 'failed', failure = ? WHERE id = ? AND state IN ('validating', 'importing')",
                    "import.failed.unexpected", importId);
            // An undo stays undoing (what it deleted is deleted): the next sweep goes on from where it stopped.
            Jdbc.execute(dsl, "UPDATE imports SET failure = ? WHERE id = ? AND state = 'undoing'", "import.undo.failed", importId);
        }
    }

    private void run(long importId) {
        var raw = imports.raw(dsl, importId);
        if (raw.isEmpty()) return;
        UUID tenantId = raw.get().get(0, UUID.class);
        ImportJob job = imports.find(tenantId, importId).orElseThrow();
        if (job.state().equals("validating")) {
            Tenant tenant = tenants.byId(tenantId).orElse(null);
            ImportDryRun.Rules rules = ImportKind.of(job.kind()) == ImportKind.PRODUCTS ? ProductDecisions.rules(new Format(tenant))
                    : CustomerDecisions.rules(tenant == null ? "" : java.util.Locale.forLanguageTag(tenant.locale()).getCountry());
            try {
                dryRun.run(tenantId, job, rules);
            } catch (ImportTable.Unreadable e) {
                Jdbc.execute(dsl, "UPDATE imports SET state = 'failed', failure = ? WHERE id = ?", e.reason(), importId);
            }
        } else if (job.state().equals("importing")) {
            int batches = 0;
            boolean products = ImportKind.of(job.kind()) == ImportKind.PRODUCTS;
            while (products ? this.products.nextBatch(tenantId, importId) : customers.nextBatch(tenantId, importId)) crashIfAsked(++batches);
        } else if (job.state().equals("undoing")) {
            int batches = 0;
            int[] after = {0};
            while (undo.nextBatch(tenantId, importId, after)) crashIfAsked(++batches);
        }
    }

    private void crashIfAsked(int batches) {
        if (crashAfter.get() >= 0 && batches >= crashAfter.get()) {
            crashAfter.set(-1);
            throw new SimulatedCrash();
        }
    }

    private static boolean tryLock(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (var s = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, (int) id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (var s = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, (int) id);
            s.execute();
        }
    }

    /** Tests: after this many committed (or undone) batches, the worker stops as if the process had been killed. */
    public void crashAfterBatches(int batches) {
        crashAfter.set(batches);
    }

    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
