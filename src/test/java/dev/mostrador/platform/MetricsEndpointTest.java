package dev.mostrador.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.App;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseUrl;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.StockOpsData;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /metrics scraped over HTTP from an app of its own (its own pool, so the pool's meters are its own). */
class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "metrics-token-" + UUID.randomUUID();

    private static App app(Map<String, String> env) {
        HikariDataSource main = (HikariDataSource) TestDatabase.get().dataSource();
        DatabaseUrl url = new DatabaseUrl(main.getJdbcUrl(), main.getUsername(), main.getPassword());
        return App.start(TestApp.config(env), Database.wrap(Database.pool(url, 4)), true);
    }

    private static HttpResponse<String> send(App app, String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsRequestsByRouteTemplateThePoolTheLinesAndReleasedReservations() throws Exception {
        StockOpsData data = StockOpsData.fresh();
        long producto = data.conStock("MET", 3);
        data.reserve(producto, 1);
        long reserva = TestDatabase.get().dsl().fetchSingle("SELECT id FROM reservas WHERE tenant_id = ? AND producto_id = ?",
                data.id(), producto).get(0, Long.class);
        try (App app = app(Map.of())) {
            assertEquals(200, send(app, "GET", "/health", Map.of()).statusCode());
            send(app, "GET", "/r/NOPE1234", Map.of());
            send(app, "GET", "/r/NOPE5678", Map.of());
            HttpResponse<String> released = send(app, "POST", "/api/reservas/" + reserva + "/liberar", Map.of(
                    "Authorization", "Bearer " + Fixtures.apiToken(data.tenant.oficina()), "Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(200, released.statusCode(), released.body());

            HttpResponse<String> metrics = send(app, "GET", "/metrics", Map.of());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String body = metrics.body();
            assertTrue(body.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/r/{code}\",status=\"404\"} 2\n"),
                    "both unknown codes under one template: " + body);
            assertFalse(body.contains("NOPE1234"), "never the raw path");
            assertTrue(body.contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/reservas/{id}/liberar\",status=\"200\"} 1\n"), body);
            assertTrue(body.contains("hikaricp_connections_max{pool=\"mostrador\"} 4.0\n"), body);
            assertTrue(body.contains("mostrador_reservations_released_total{reason=\"by_hand\"} 1.0\n"), body);
            assertTrue(body.contains("mostrador_orders_placed_total 0.0\n"), body);
            assertTrue(body.contains("mostrador_requests_line_max{line=\"all\"} "), body);
            assertTrue(body.contains("jvm_memory_used_bytes{area=\"heap\""), body);
        }
    }

    @Test
    void productionAsksForTheTokenAndWithoutOneHidesTheEndpoint() throws Exception {
        try (App app = app(Map.of("MOSTRADOR_ENV", "production", "MOSTRADOR_METRICS_TOKEN", TOKEN))) {
            HttpResponse<String> none = send(app, "GET", "/metrics", Map.of());
            assertEquals(401, none.statusCode());
            assertEquals("Bearer realm=\"metrics\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, send(app, "GET", "/metrics", Map.of("Authorization", "Bearer not-" + TOKEN)).statusCode());
            HttpResponse<String> ok = send(app, "GET", "/metrics", Map.of("Authorization", "Bearer " + TOKEN));
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("http_server_requests_seconds_count{method=\"GET\",route=\"/metrics\",status=\"401\"} 2"), ok.body());
        }
        try (App app = app(Map.of("MOSTRADOR_ENV", "production"))) {
            assertEquals(404, send(app, "GET", "/metrics", Map.of()).statusCode());
        }
        try (App app = app(Map.of("MOSTRADOR_METRICS", "false"))) {
            assertEquals(404, send(app, "GET", "/metrics", Map.of()).statusCode());
        }
    }
}
