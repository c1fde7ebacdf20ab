package dev.mostrador.health;

import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /health: the app, the database, the migrations and the line of requests waiting their turn
 * ({@link dev.mostrador.platform.web.ActiveRequests}), for load balancers and humans.
 */
public final class HealthRoutes {
    private final DSLContext dsl;
    private final Migrations migrations;
    private final QoSHandler activeRequests;
    private final long startedAt = System.currentTimeMillis();

    public HealthRoutes(DSLContext dsl, Migrations migrations, QoSHandler activeRequests) {
        this.dsl = dsl;
        this.migrations = migrations;
        this.activeRequests = activeRequests;
    }

    public void register(Routes routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> database = new LinkedHashMap<>();
        Map<String, Object> schema = new LinkedHashMap<>();
        boolean up;
        try {
            long t0 = System.nanoTime();
            dsl.selectOne().fetch();
            database.put("status", "up");
            database.put("latency_ms", (System.nanoTime() - t0) / 1_000_000.0);
            Migrations.Status status = migrations.status();
            schema.put("current_version", status.currentVersion());
            schema.put("pending", status.pending());
            up = status.pending() == 0;
            schema.put("status", up ? "up_to_date" : "pending");
        } catch (RuntimeException e) {
            database.put("status", "down");
            database.put("error", e.getClass().getSimpleName());
            schema.put("status", "unknown");
            up = false;
        }
        body.put("status", up ? "ok" : "unavailable");
        body.put("database", database);
        body.put("migrations", schema);
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("max_active", activeRequests.getMaxRequestCount());
        requests.put("waiting", activeRequests.getSuspendedRequestCount());
        requests.put("waited_total", activeRequests.getTotalSuspendedRequestCount());
        requests.put("refused_total", activeRequests.getTotalExceededRequestCount() + activeRequests.getTotalExpiredRequestCount());
        body.put("requests", requests);
        body.put("uptime_seconds", (System.currentTimeMillis() - startedAt) / 1000);
        ctx.header("Cache-Control", "no-store");
        Web.json(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
    }
}
