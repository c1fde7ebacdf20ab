package dev.mostrador.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.App;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseUrl;
import dev.mostrador.platform.db.EmbeddedDatabase;
import dev.mostrador.support.TestApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zero-configuration path: embedded PostgreSQL in a data folder that survives restarts. */
class EmbeddedDatabaseTest {

    @Test
    void restartKeepsEveryRowAndASecondProcessCannotShareTheFolder(@TempDir Path dir) throws Exception {
        var config = TestApp.config(Map.of("MOSTRADOR_DATA_DIR", dir.toString()));
        try (App app = App.start(config)) {
            assertEquals(200, status(app.port(), "/health"));
            app.database().dsl().execute("INSERT INTO tenants (slug, name) VALUES ('persisted', 'Persisted')");
            var second = assertThrows(EmbeddedDatabase.DataDirInUseException.class, () -> EmbeddedDatabase.start(dir));
            assertTrue(second.getMessage().contains("already in use"), second.getMessage());
        }
        try (App again = App.start(config)) {
            assertEquals("Persisted", again.database().dsl().fetchValue("SELECT name FROM tenants WHERE slug = 'persisted'"));
            assertEquals(1, ((Number) again.database().dsl().fetchValue("SELECT count(*) FROM users WHERE email = 'admin@localhost'")).intValue(),
                    "the first-start admin is created once, not again at restart");
        }
    }

    @Test
    void healthIs503WhenTheDatabaseIsDown() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        HikariDataSource pool = Database.pool(new DatabaseUrl(pg.getJdbcUrl("postgres", "postgres"), "postgres", null), 2);
        try (App app = App.start(TestApp.config(Map.of()), Database.wrap(pool), true)) {
            assertEquals(200, status(app.port(), "/health"));
            pg.close();
            assertEquals(503, status(app.port(), "/health"));
        }
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
