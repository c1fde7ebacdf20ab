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
        for (String[] command : new String[][] {{"serve"}, {"migrate"}, {"migrations"}, {"tenants"}, {"tenants", "create"},
                {"users"}, {"users", "create"}, {"jobs"}, {"jobs", "expire-redemptions"}, {"jobs", "purge-audit"}, {"seed"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli.Run help = Cli.run(args);
            assertEquals(0, help.exit(), String.join(" ", args) + ": " + help.out());
            assertTrue(help.out().contains("Usage: mostrador " + String.join(" ", command)), help.out());
        }
    }
}
