package dev.mostrador.health;

import dev.mostrador.platform.db.DatabaseAvailability;
import dev.mostrador.platform.db.DatabaseOutage;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;

/**
 * GET /health: the app, the database, the migrations and the lines of requests waiting their turn
 * ({@link dev.mostrador.platform.web.ActiveRequests}: all requests, and under
 * {@code requests.confirmations} the merchants' confirmations), for load balancers and humans.
 */
public final class HealthRoutes {
    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
    private final DSLContext dsl;
    private final Migrations migrations;
    private final DatabaseAvailability availability;
    private final QoSHandler activeRequests;
    private final QoSHandler confirmations;
    private final long startedAt = System.currentTimeMillis();

    /** @param confirmations the line of the requests that are mostly a durable commit (merchants' confirmations) */
    public HealthRoutes(DSLContext dsl, Migrations migrations, DatabaseAvailability availability,
                        QoSHandler activeRequests, QoSHandler confirmations) {
        this.dsl = dsl;
        this.migrations = migrations;
        this.availability = availability;
        this.activeRequests = activeRequests;
        this.confirmations = confirmations;
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
            if (!up) availability.report(DatabaseOutage.notMigrated());
        } catch (RuntimeException e) {
            // Words, not exception class names: this answer is public.
            Optional<DatabaseOutage> outage = DatabaseOutage.of(e);
            outage.ifPresent(availability::report);
            database.put("status", "down");
            database.put("error", outage.map(DatabaseOutage::description).orElse("the database check failed (details in the app's log)"));
            if (outage.isEmpty()) log.warn("health check failed", e);
            schema.put("status", "unknown");
            up = false;
        }
        body.put("status", up ? "ok" : "unavailable");
        body.put("database", database);
        body.put("migrations", schema);
        Map<String, Object> requests = line(activeRequests);
        requests.put("confirmations", line(confirmations));
        body.put("requests", requests);
        body.put("uptime_seconds", (System.currentTimeMillis() - startedAt) / 1000);
        ctx.header("Cache-Control", "no-store");
        Web.json(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
    }

    private static Map<String, Object> line(QoSHandler line) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("max_active", line.getMaxRequestCount());
        counts.put("waiting", line.getSuspendedRequestCount());
        counts.put("waited_total", line.getTotalSuspendedRequestCount());
        counts.put("refused_total", line.getTotalExceededRequestCount() + line.getTotalExpiredRequestCount());
        return counts;
    }
}
