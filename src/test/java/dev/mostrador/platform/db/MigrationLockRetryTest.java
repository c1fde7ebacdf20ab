package dev.mostrador.platform.db;

import dev.mostrador.support.ScratchDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A migration that waits for a lock gives up after lock_timeout and is tried again, until the lock is free. */
class MigrationLockRetryTest {

    @Test
    void aTransactionalMigrationTimesOutRetriesAndSucceedsOnceTheLockIsReleased(@TempDir Path extra) throws Exception {
        Files.writeString(extra.resolve("V901__retry_probe.sql"), "ALTER TABLE productos ADD COLUMN retry_probe text;\n");
        try (ScratchDatabase scratch = new ScratchDatabase("migcheck_retry", "latest");
             Connection holder = scratch.dataSource().getConnection()) {
            MigrationSettings settings = MigrationSettings.DEFAULTS.withExtraLocation(extra).withLockTimeout("200ms", 0, Duration.ofMillis(200));
            hold(holder, "SELECT count(*) FROM productos"); // ACCESS SHARE: ALTER TABLE needs ACCESS EXCLUSIVE
            FlywayException once = assertThrows(FlywayException.class, () -> new Migrations(scratch.dataSource(), settings).migrate());
            assertTrue(MigrationRetry.lockTimedOut(once), "fails on lock_timeout, not waiting forever: " + once.getMessage());

            long start = System.nanoTime();
            CompletableFuture<Void> release = releaseAfter(holder, 1_000);
            int applied = new Migrations(scratch.dataSource(), settings.withLockTimeout("200ms", 6, Duration.ofMillis(200))).migrate();
            release.join();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, applied);
            assertTrue(ms >= 1_000, "it waited for the release, through retries: " + ms + " ms");
            assertEquals(1, count(scratch, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'productos' AND column_name = 'retry_probe'"));
            assertEquals("0", scratch.dsl().fetchValue("SHOW lock_timeout"), "the pool's connections got their own timeout back");
        }
    }

    @Test
    void aConcurrentIndexLeftInvalidIsDroppedAndBuiltAgain(@TempDir Path extra) throws Exception {
        Files.writeString(extra.resolve("V902__retry_index.sql"), "-- flyway:executeInTransaction=false\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS productos_retry_idx ON productos (tenant_id, nombre);\n");
        try (ScratchDatabase scratch = new ScratchDatabase("migcheck_retry_cic", "latest");
             Connection writer = scratch.dataSource().getConnection()) {
            // A writer in the middle of its transaction: CONCURRENTLY creates the index (INVALID), then waits for it.
            hold(writer, "UPDATE productos SET nombre = nombre WHERE false");
            CompletableFuture<Void> release = releaseAfter(writer, 1_000);
            MigrationSettings settings = MigrationSettings.DEFAULTS.withExtraLocation(extra).withLockTimeout("200ms", 6, Duration.ofMillis(200));
            assertEquals(1, new Migrations(scratch.dataSource(), settings).migrate());
            release.join();
            assertEquals(1, count(scratch, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "WHERE c.relname = 'productos_retry_idx' AND i.indisvalid"));
            assertEquals(1, count(scratch, "SELECT count(*) FROM flyway_schema_history WHERE version = '902' AND success"));
        }
    }

    private static void hold(Connection c, String sql) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static CompletableFuture<Void> releaseAfter(Connection c, long ms) {
        return CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(ms);
                c.rollback();
                c.setAutoCommit(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static int count(ScratchDatabase db, String sql) {
        return ((Number) db.dsl().fetchValue(sql)).intValue();
    }
}
