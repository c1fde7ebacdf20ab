package dev.mostrador.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.support.Cli;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} and {@code check --deploy} as users run them, on the tests' server and on an embedded data folder. */
class DeployCheckCommandTest {

    /** Everything a production deploy sets, but the database. */
    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("MOSTRADOR_ENV", "production");
        env.put("MOSTRADOR_SECRET_KEY", "k".repeat(48));
        env.put("MOSTRADOR_BASE_URL", "https://mostrador.friosur.cl");
        env.put("MOSTRADOR_ALLOWED_HOSTS", "mostrador.friosur.cl");
        env.put("MOSTRADOR_CORS_ORIGINS", "https://app.friosur.cl");
        env.put("MOSTRADOR_BACKUP_DIR", "/var/backups/mostrador");
        env.put("MOSTRADOR_METRICS_TOKEN", "m".repeat(40));
        return env;
    }

    @Test
    void checkPassesOnTheMigratedTestDatabase() throws Exception {
        Cli.Run check = Cli.run("check");
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("[ok   ] mostrador.E008  the database answers"), check.out());
        assertTrue(check.out().contains("[ok   ] mostrador.E009  migrations applied"), check.out());
        assertTrue(check.out().contains("System check: 0 errors, 0 warnings, 2 passed, 0 skipped."), check.out());
    }

    @Test
    void deployCheckListsEveryProblemWithItsFixAndExitsOne() throws Exception {
        Cli.Run check = Cli.run(Map.of("MOSTRADOR_CORS_ORIGINS", "http://localhost:5173"), "check", "--deploy");
        assertEquals(1, check.exit(), check.out());
        String out = check.out();
        for (String error : new String[] {"E001", "E002", "E003", "E004", "E007", "E010", "E011"}) {
            assertTrue(out.contains("[ERROR] mostrador." + error + " "), error + ": " + out);
        }
        for (String warning : new String[] {"W001", "W002", "W004", "W006"}) {
            assertTrue(out.contains("[WARN ] mostrador." + warning + " "), warning + ": " + out);
        }
        assertTrue(out.contains("fix: set MOSTRADOR_SECRET_KEY to the output of `openssl rand -base64 48`"), out);
        assertTrue(out.contains("the app connects as the default user postgres"), out);
        assertTrue(out.contains("not http://localhost:5173"), out);
        assertTrue(out.contains("[ok   ] mostrador.E005"), "an external database: " + out);
        assertTrue(out.contains("[ok   ] mostrador.W005"), "backup before migrate is on by default: " + out);
        assertTrue(out.contains("System check: 7 errors, "), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
    }

    @Test
    void deployCheckPassesForAnOwnRoleWithATimeoutAndEverySetting() throws Exception {
        String role = "ops_app_" + System.nanoTime();
        var db = TestDatabase.get().dsl();
        db.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER PASSWORD 'unaclavelargadelrol'");
        try {
            db.execute("GRANT pg_read_all_data TO " + role); // Flyway reads its history table
            Map<String, String> env = production();
            env.put("DATABASE_URL", Cli.databaseUrl((HikariDataSource) TestDatabase.get().dataSource(), role, "unaclavelargadelrol"));
            Cli.Run noTimeout = Cli.run(env, "check", "--deploy");
            assertEquals(0, noTimeout.exit(), "a warning does not fail: " + noTimeout.out());
            assertTrue(noTimeout.out().contains("[WARN ] mostrador.W003  statement_timeout is 0 for " + role), noTimeout.out());
            assertTrue(noTimeout.out().contains("System check: 0 errors, 1 warning, "), noTimeout.out());

            db.execute("ALTER ROLE " + role + " SET statement_timeout = '30s'");
            Cli.Run clean = Cli.run(env, "check", "--deploy", "--fail-level", "WARNING");
            assertEquals(0, clean.exit(), clean.out());
            assertTrue(clean.out().contains("[ok   ] mostrador.E010  the app connects as " + role + " with a password"), clean.out());
            assertTrue(clean.out().contains("[ok   ] mostrador.E011  the app's role " + role + " is not a superuser"), clean.out());
            assertTrue(clean.out().contains("[ok   ] mostrador.W003  statement_timeout is 30s"), clean.out());
            assertTrue(clean.out().contains("System check: 0 errors, 0 warnings, 17 passed, 0 skipped."), clean.out());
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void productionStartRefusesOnTheDeployChecksErrors() throws Exception {
        Map<String, String> env = production();
        env.put("MOSTRADOR_SECRET_KEY", "short");
        Cli.Run serve = Cli.run(env, "serve");
        assertEquals(78, serve.exit(), serve.out());
        assertTrue(serve.out().contains("Refusing to start with MOSTRADOR_ENV=production"), serve.out());
        assertTrue(serve.out().contains("[ERROR] mostrador.E001"), serve.out());
        assertFalse(serve.out().contains("mostrador.W00"), "warnings do not refuse: " + serve.out());
    }

    @Test
    void checksTheEmbeddedDatabaseOfADataFolder(@TempDir Path data) throws Exception {
        Cli.Run before = Cli.embedded(data, "check", "--deploy");
        assertEquals(1, before.exit(), before.out());
        assertTrue(before.out().matches("(?s).*\\[ERROR\\] mostrador.E009  \\d+ pending migration.*"), before.out());
        assertTrue(before.out().contains("[ERROR] mostrador.E005  DATABASE_URL must point to the production PostgreSQL"), before.out());
        assertTrue(before.out().contains("[skip ] mostrador.E010"), before.out());
        assertEquals(0, Cli.embedded(data, "migrate").exit());

        Cli.Run verify = Cli.embedded(data, "tenants", "verify");
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(verify.out().contains("OK: "), verify.out());
    }
}
