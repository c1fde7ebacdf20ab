package dev.mostrador.platform.db;

import dev.mostrador.platform.migrationcheck.MigrationScript;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * migrate, again after a lock_timeout (SQLSTATE 55P03): a transactional migration that hit it was rolled back
 * by PostgreSQL, so running it again is safe; a non-transactional one is recorded as failed by Flyway, which
 * repair forgets, and is run again whole, which the check's prefer-robust-stmts rule makes safe (IF NOT
 * EXISTS); an index its CONCURRENTLY build left INVALID is dropped first, or IF NOT EXISTS would keep it.
 */
final class MigrationRetry {
    private static final Logger log = LoggerFactory.getLogger(MigrationRetry.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";
    private final Flyway flyway;
    private final MigrationSettings settings;
    private final List<MigrationScript> pending;

    MigrationRetry(Flyway flyway, MigrationSettings settings, List<MigrationScript> pending) {
        this.flyway = flyway;
        this.settings = settings;
        this.pending = pending;
    }

    int migrate() {
        int before = flyway.info().pending().length;
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt > 1) forgetFailedNonTransactional();
                flyway.migrate();
                return before - flyway.info().pending().length;
            } catch (RuntimeException e) {
                if (!lockTimedOut(e) || attempt > settings.retries()) throw e;
                log.warn("a migration waited longer than lock_timeout {} for a lock (attempt {} of {}); trying again in {} ms",
                        settings.lockTimeout(), attempt, settings.retries() + 1, wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private void forgetFailedNonTransactional() {
        boolean failed = Arrays.stream(flyway.info().all()).map(MigrationInfo::getState).anyMatch(MigrationState::isFailed);
        if (!failed) return;
        new InvalidIndexes(flyway.getConfiguration().getDataSource()).dropLeftBy(pending);
        flyway.repair();
    }

    static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) return true;
            if (t.getMessage() != null && t.getMessage().contains("SQL State  : " + LOCK_NOT_AVAILABLE)) return true;
        }
        return false;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a migration", e);
        }
    }
}
