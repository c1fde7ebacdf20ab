package dev.mostrador.platform;

import dev.mostrador.support.Cli;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, run as a separate process against the test database. */
class CommandLineTest {

    @Test
    void createsTenantsAndUsersAndListsMigrations() throws Exception {
        Cli.Run help = Cli.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("migrations") && help.out().contains("tenants"), help.out());

        Cli.Run migrations = Cli.run("migrations");
        assertEquals(0, migrations.exit(), migrations.out());
        assertTrue(migrations.out().contains("[X] V001 tenants users sessions"), migrations.out());
        assertTrue(migrations.out().contains("pending: 0"), migrations.out());

        String key = UUID.randomUUID().toString().substring(0, 8);
        Cli.Run tenant = Cli.run("tenants", "create", "--name", "Frío Sur " + key, "--admin-email", "jefe-" + key + "@friosur.cl",
                "--admin-password", "clave muy segura");
        assertEquals(0, tenant.exit(), tenant.out());
        UUID tenantId = UUID.fromString(tenant.out().lines().reduce((a, b) -> b).orElseThrow().trim());
        assertEquals("frio-sur-" + key, TestDatabase.get().dsl().fetchValue("SELECT slug FROM tenants WHERE id = ?", tenantId));

        Cli.Run user = Cli.run("users", "create", "--tenant", tenantId.toString(), "--email", "caja-" + key + "@friosur.cl",
                "--role", "vendedor", "--password", "otra clave segura");
        assertEquals(0, user.exit(), user.out());
        assertEquals("vendedor", TestDatabase.get().dsl().fetchValue(
                "SELECT role FROM users WHERE email = ? AND tenant_id = ?", "caja-" + key + "@friosur.cl", tenantId));

        Cli.Run bad = Cli.run("users", "create", "--tenant", tenantId.toString(), "--email", "x-" + key + "@friosur.cl",
                "--role", "jefe", "--password", "otra clave segura");
        assertEquals(2, bad.exit());
        assertTrue(bad.out().contains("--role must be one of"), bad.out());
        assertTrue(!bad.out().contains("\tat "), "no stack trace: " + bad.out());
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() throws Exception {
        for (String[] command : new String[][] {{"serve"}, {"migrate"}, {"migrations"}, {"migrations", "check"}, {"tenants"}, {"tenants", "create"},
                {"check"}, {"tenants", "verify"},
                {"users"}, {"users", "create"}, {"users", "set-password"}, {"jobs"}, {"jobs", "expire-redemptions"}, {"jobs", "purge-audit"}, {"seed"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli.Run help = Cli.run(args);
            assertEquals(0, help.exit(), String.join(" ", args) + ": " + help.out());
            assertTrue(help.out().contains("Usage: mostrador " + String.join(" ", command)), help.out());
        }
    }

    @Test
    void setPasswordLetsALockedOutAdminBackInAndEndsTheOldSessions() throws Exception {
        var t = dev.mostrador.support.Fixtures.tenant();
        dev.mostrador.support.Browser before = new dev.mostrador.support.Browser().signedIn(t.admin());
        Cli.Run changed = Cli.run("users", "set-password", "--email", t.admin().toUpperCase(), "--password", "una clave recuperada");
        assertEquals(0, changed.exit(), changed.out());
        assertTrue(changed.out().contains("Password changed for"), changed.out());
        assertEquals(303, before.get("/dashboard").statusCode(), "the old session ended");
        assertEquals(303, new dev.mostrador.support.Browser().login(t.admin(), "una clave recuperada").statusCode());
        assertEquals(401, new dev.mostrador.support.Browser().login(t.admin(), dev.mostrador.support.Fixtures.PASSWORD).statusCode());

        Cli.Run unknown = Cli.run("users", "set-password", "--email", "nadie-" + t.id() + "@test.cl", "--password", "una clave recuperada");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.out().contains("no account has the e-mail"), unknown.out());
        Cli.Run weak = Cli.run("users", "set-password", "--email", t.admin(), "--password", "corta");
        assertEquals(2, weak.exit());
        assertTrue(weak.out().contains("at least"), weak.out());
    }
}
