package dev.mostrador.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database can serve requests. The first request that finds it unreachable (or
 * unmigrated) reports it; from then on requests are answered 503 at once, without waiting for a
 * connection, while a probe checks every second and lets them through again when it is back.
 */
public final class DatabaseAvailability implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private final DataSource dataSource;
    private final Migrations migrations;
    private final Runnable repair;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile DatabaseOutage outage;
    private ScheduledFuture<?> probe;

    /** {@code repair} runs when the probe cannot connect (it restarts a dead embedded server). */
    public DatabaseAvailability(DataSource dataSource, Migrations migrations, Runnable repair) {
        this.dataSource = dataSource;
        this.migrations = migrations;
        this.repair = repair;
    }

    /** The current outage, if any: callers answer 503 without touching the database. */
    public Optional<DatabaseOutage> outage() {
        return Optional.ofNullable(outage);
    }

    /** Records an outage a request ran into (a busy pool is not one: it passes by itself). */
    public synchronized void report(DatabaseOutage found) {
        if (found.kind() == DatabaseOutage.Kind.BUSY) return;
        if (outage == null) log.warn("database unavailable: {}; answering 503 until it is back", found.description());
        outage = found;
        if (probe == null) probe = prober.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
    }

    private void probe() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) return;
            if (migrations.status().pending() > 0) {
                outage = DatabaseOutage.notMigrated();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            Optional<DatabaseOutage> found = DatabaseOutage.of(e).filter(o -> o.kind() != DatabaseOutage.Kind.BUSY);
            found.ifPresent(o -> outage = o);
            if (found.map(o -> o.kind() == DatabaseOutage.Kind.UNREACHABLE).orElse(false)) repair.run();
            return;
        }
        synchronized (this) {
            outage = null;
            probe.cancel(false);
            probe = null;
        }
        log.info("database available again: serving requests");
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
