package dev.mostrador.platform.migrationcheck;

import dev.mostrador.support.Cli;
import dev.mostrador.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `migrations check` and the refusal of `migrate`, run as separate processes, as an operator runs them. */
class MigrationsCheckCommandTest {
    static final String FIXTURES = "src/test/resources/migration-check/";
    static final String DROP = "SET LOCAL lock_timeout = '5s';\nALTER TABLE productos DROP COLUMN descripcion;\n";

    @Test
    void filesAndAllNeedNoDatabase(@TempDir Path tmp) throws Exception {
        Map<String, String> noDatabase = Map.of("MOSTRADOR_DATA_DIR", tmp.resolve("data").toString());
        Cli.Run bad = Cli.runWith(noDatabase, "migrations", "check", FIXTURES + "ban-drop-column.sql");
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().startsWith(FIXTURES + "ban-drop-column.sql:2: BLOCK ban-drop-column productos.descripcion (statement 2, "), bad.out());
        assertTrue(bad.out().contains("lock: ACCESS EXCLUSIVE (brief); running code that reads the column fails; fix: stop using the column"), bad.out());
        assertTrue(bad.out().contains("1 file, 2 statements (1 safe): 1 BLOCK (0 accepted), 0 WARN (0 accepted). 1 un-accepted BLOCK"), bad.out());

        Cli.Run safe = Cli.runWith(noDatabase, "migrations", "check", FIXTURES + "require-concurrent-index-creation.safe.sql",
                FIXTURES + "constraint-missing-not-valid.safe.sql");
        assertEquals(0, safe.exit(), safe.out());
        assertEquals("2 files, 4 statements (4 safe): 0 BLOCK (0 accepted), 0 WARN (0 accepted). No un-accepted BLOCK.\n", safe.out());

        Cli.Run all = Cli.runWith(noDatabase, "migrations", "check", "--all");
        assertEquals(0, all.exit(), all.out());
        assertTrue(all.out().contains("migrations/V016__inventory.sql:22: BLOCK constraint-missing-not-valid tenants tenants_reserva_ttl_check"), all.out());
        assertTrue(all.out().matches("(?s).*\\d+ files, \\d+ statements \\(\\d+ safe\\): 1 BLOCK \\(1 accepted\\), (\\d+) WARN \\(\\1 accepted\\)\\. No un-accepted BLOCK\\.\n"), all.out());

        Cli.Run missing = Cli.runWith(noDatabase, "migrations", "check", "no-such.sql");
        assertEquals(2, missing.exit());
        assertEquals("error: no such file: no-such.sql\n", missing.out());
        Cli.Run both = Cli.runWith(noDatabase, "migrations", "check", "--all", FIXTURES + "ban-drop-column.sql");
        assertEquals(2, both.exit());
        assertEquals("error: give FILES or --all, not both\n", both.out());
        assertFalse(Files.exists(tmp.resolve("data")), "no database was started");
    }

    @Test
    void pendingMigrationsOfAnExternalDatabaseAndMigrateRefusingABlock(@TempDir Path extra) throws Exception {
        Files.writeString(extra.resolve("V900__drop_descripcion.sql"), DROP);
        try (ScratchDatabase scratch = new ScratchDatabase("migcheck_ext", "latest")) {
            Map<String, String> env = Map.of("DATABASE_URL", scratch.databaseUrl(), "MOSTRADOR_EXTRA_MIGRATIONS", extra.toString());
            Cli.Run check = Cli.runWith(env, "migrations", "check");
            assertEquals(1, check.exit(), check.out());
            assertTrue(check.out().contains("1 pending SQL migration in the external "), check.out());
            assertTrue(check.out().contains(extra.resolve("V900__drop_descripcion.sql") + ":2: BLOCK ban-drop-column productos.descripcion"), check.out());

            Cli.Run migrate = Cli.runWith(env, "migrate");
            assertEquals(1, migrate.exit(), migrate.out());
            assertTrue(migrate.out().contains("error: refusing to migrate: 1 un-accepted BLOCK in pending migrations"), migrate.out());
            assertTrue(migrate.out().contains("V900__drop_descripcion.sql:2: BLOCK ban-drop-column"), migrate.out());
            assertFalse(migrate.out().contains("\tat "), "no stack trace: " + migrate.out());
            assertEquals(1, columns(scratch), "descripcion is still there");

            Files.writeString(extra.resolve("V900__drop_descripcion.sql"), "SET LOCAL lock_timeout = '5s';\n"
                    + "-- migration-check: accept ban-drop-column because the test's products never had a description\n"
                    + "ALTER TABLE productos DROP COLUMN descripcion;\n");
            Cli.Run accepted = Cli.runWith(env, "migrate");
            assertEquals(0, accepted.exit(), accepted.out());
            assertTrue(accepted.out().contains("Applied 1 migration."), accepted.out());
            assertEquals(0, columns(scratch));
        }
    }

    @Test
    void pendingMigrationsOfAnEmbeddedDataFolder(@TempDir Path tmp) throws Exception {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("V900__drop_descripcion.sql"), DROP);
        Map<String, String> env = Map.of("MOSTRADOR_DATA_DIR", tmp.resolve("data").toString(), "MOSTRADOR_EXTRA_MIGRATIONS", extra.toString());
        Cli.Run check = Cli.runWith(env, "migrations", "check");
        assertEquals(1, check.exit(), check.out());
        assertTrue(check.out().matches("(?s).*\\d+ pending SQL migrations in the embedded .*"), check.out());
        assertTrue(check.out().contains("V900__drop_descripcion.sql:2: BLOCK ban-drop-column"), check.out());
        assertTrue(check.out().contains("1 un-accepted BLOCK"), check.out());

        Cli.Run serve = Cli.runWith(env, "serve");
        assertEquals(1, serve.exit(), serve.out());
        assertTrue(serve.out().contains("error: refusing to migrate: 1 un-accepted BLOCK"), serve.out());
        Cli.Run list = Cli.runWith(env, "migrations");
        assertEquals(0, list.exit(), list.out());
        assertTrue(list.out().contains("[ ] V001 tenants users sessions"), "nothing was applied: " + list.out());
    }

    private static int columns(ScratchDatabase db) {
        return ((Number) db.dsl().fetchValue(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'productos' AND column_name = 'descripcion'")).intValue();
    }
}
