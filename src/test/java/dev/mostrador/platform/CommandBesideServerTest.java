package dev.mostrador.platform;

import dev.mostrador.support.Cli;
import dev.mostrador.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line beside a running app on the embedded database (as manage.py beside runserver):
 * a command reaches the running instance's database instead of failing with "data folder in use",
 * and what it writes is what the app serves; a second server on the folder is still refused.
 */
class CommandBesideServerTest {

    @Test
    void tenantsCreateBesideTheRunningAppWritesToItsDatabase(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of());
        try {
            Map<String, String> env = Map.of("MOSTRADOR_DATA_DIR", dir.toString(), "MOSTRADOR_JOBS", "false");
            Cli.Run created = Cli.runWith(env, "tenants", "create", "--name", "Tienda Al Lado", "--slug", "al-lado",
                    "--admin-email", "admin@al-lado.test", "--admin-password", "al-lado-password-123");
            assertEquals(0, created.exit(), created.out());
            assertTrue(created.out().contains("note: using the database of the running Mostrador (pid " + server.pid() + ")"),
                    created.out());
            assertTrue(created.out().lines().anyMatch(l -> l.matches("[0-9a-f-]{36}")), created.out());

            var login = server.postJson("/api/login", null, "{\"email\":\"admin@al-lado.test\",\"password\":\"al-lado-password-123\"}");
            assertEquals(200, login.statusCode(), "the running app sees the new tenant's admin: " + login.body());

            Cli.Run secondServer = Cli.runWith(Map.of("MOSTRADOR_DATA_DIR", dir.toString(), "PORT", "0"), "serve");
            assertEquals(75, secondServer.exit(), secondServer.out());
            assertTrue(secondServer.out().contains("already in use by another Mostrador process"), secondServer.out());
        } finally {
            server.stop();
        }
    }
}
