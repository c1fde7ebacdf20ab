package dev.mostrador.platform.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** A request id on every request (taken from X-Request-Id when sane), in the logs' MDC and the response. */
public final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{6,64}");
    public static final String ATTR = "mostrador.request-id";

    private RequestLog() {}

    public static void start(Context ctx) {
        String id = ctx.header("X-Request-Id");
        if (id == null || !SANE_ID.matcher(id).matches()) {
            // Unique enough to find a request in the logs; not a secret, so no SecureRandom (one lock for all requests).
            id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        }
        ctx.attribute(ATTR, id);
        ctx.header("X-Request-Id", id);
        MDC.put("requestId", id);
    }

    public static void finish(Context ctx, Float millis) {
        MDC.put("requestId", String.valueOf((Object) ctx.attribute(ATTR)));
        if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
            log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
        }
        MDC.remove("requestId");
    }

    public static String id(Context ctx) {
        return ctx.attribute(ATTR);
    }
}
