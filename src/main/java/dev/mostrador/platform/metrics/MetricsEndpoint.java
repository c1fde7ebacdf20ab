package dev.mostrador.platform.metrics;

import dev.mostrador.platform.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * GET /metrics for Prometheus. With MOSTRADOR_METRICS_TOKEN set, only a scraper sending it as a
 * Bearer token gets the text (401 otherwise). Without one, production answers 404 as for any
 * unknown path (counts of orders and requests are not public) and development answers only this
 * machine (a developer's curl, a local Prometheus).
 */
public final class MetricsEndpoint {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final Metrics metrics;
    private final boolean production;
    private final byte[] token;

    public MetricsEndpoint(Metrics metrics, boolean production, String token) {
        this.metrics = metrics;
        this.production = production;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public void register(Routes routes) {
        routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (token != null) {
            if (!bearerMatches(ctx.header("Authorization"))) {
                ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"").result("a Bearer token is required\n");
                return;
            }
        } else if (production || !fromThisMachine(ctx.req().getRemoteAddr())) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private boolean bearerMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fromThisMachine(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal address: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
