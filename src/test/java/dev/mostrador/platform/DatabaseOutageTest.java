package dev.mostrador.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.App;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseUrl;
import dev.mostrador.support.TestApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running app: pages and the API answer a fast 503 with
 * Retry-After (never a 500 after a long wait), /health says what is wrong in words, and the app
 * serves again by itself when the database is back. An emptied database is "not migrated", not 500s.
 */
class DatabaseOutageTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aStoppedDatabaseGivesFast503sAndTheAppRecoversByItself(@TempDir Path dir) throws Exception {
        int pgPort;
        try (ServerSocket s = new ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        EmbeddedPostgres pg = start(dir, pgPort);
        HikariDataSource pool = Database.pool(new DatabaseUrl(pg.getJdbcUrl("postgres", "postgres"), "postgres", null), 4);
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_ADMIN_PASSWORD", "outage-admin-password")), Database.wrap(pool), true)) {
            String token = token(app);
            assertEquals(200, get(app, "/api/productos", token).statusCode());
            pg.close();

            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> api = get(app, "/api/productos", token);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, api.statusCode(), api.body());
                assertEquals("5", api.headers().firstValue("Retry-After").orElse(""));
                assertTrue(api.body().contains("\"error\":\"unavailable\""), api.body());
                assertTrue(ms < (i == 0 ? 4_000 : 300), "answer " + (i + 1) + " took " + ms + " ms");
            }
            HttpResponse<String> page = get(app, "/dashboard", null);
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("Servicio no disponible"), page.body());
            HttpResponse<String> health = get(app, "/health", null);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("refuses connections") || health.body().contains("does not answer"), health.body());
            assertFalse(health.body().contains("Exception"), "words, not class names: " + health.body());

            pg = start(dir, pgPort);
            long deadline = System.currentTimeMillis() + 15_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && (status = get(app, "/api/productos", token).statusCode()) != 200) Thread.sleep(200);
            assertEquals(200, status, "serving again once the database is back");
            assertEquals(200, get(app, "/health", null).statusCode());
        } finally {
            pg.close();
        }
    }

    @Test
    void anEmptiedDatabaseIsNotMigratedAndAnswers503NotA500() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        HikariDataSource pool = Database.pool(new DatabaseUrl(pg.getJdbcUrl("postgres", "postgres"), "postgres", null), 4);
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_ADMIN_PASSWORD", "outage-admin-password")), Database.wrap(pool), true)) {
            String token = token(app);
            app.database().dsl().execute("DROP SCHEMA rewards CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            HttpResponse<String> api = get(app, "/api/productos", token);
            assertEquals(503, api.statusCode(), api.body());
            HttpResponse<String> login = get(app, "/login", null);
            assertTrue(login.statusCode() == 200 || login.statusCode() == 503, "the sign-in page needs no table: " + login.statusCode());
            HttpResponse<String> health = get(app, "/health", null);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("pending") || health.body().contains("migrat"), health.body());
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    private static String token(App app) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@localhost\",\"password\":\"outage-admin-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return dev.mostrador.support.Api.JSON.readTree(r.body()).get("token").asText();
    }

    private static HttpResponse<String> get(App app, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
