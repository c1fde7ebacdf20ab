package dev.mostrador.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON answers of a state-changing API request run once per Idempotency-Key: shared by every
 * feature's API (rewards, customers), so it lives here rather than in one of them.
 */
public final class IdempotentApi {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Idempotency idempotency;

    public IdempotentApi(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    public static Idempotency.Response response(int status, Object body) {
        try {
            return new Idempotency.Response(status, JSON.writeValueAsString(body), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body holds a secret shown once: a replay of its Idempotency-Key answers {@code withoutSecret}. */
    public static Idempotency.Response responseShownOnce(int status, Object body, Object withoutSecret) {
        try {
            return new Idempotency.Response(status, JSON.writeValueAsString(body), false, JSON.writeValueAsString(withoutSecret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Idempotency.Response error(int status, String error, Map<String, String> fields) {
        return response(status, fields == null || fields.isEmpty() ? Map.of("error", error) : Map.of("error", error, "fields", fields));
    }

    /** Runs a state-changing request once per Idempotency-Key and writes its (first) response. */
    public void idempotent(Context ctx, UUID tenantId, Function<DSLContext, Idempotency.Response> operation) {
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 200)) {
            write(ctx, error(422, "validation_failed", Map.of("Idempotency-Key", "must be 1 to 200 characters")));
            return;
        }
        String fingerprint = ctx.method() + " " + ctx.path() + "\n" + canonical(ctx.body());
        write(ctx, idempotency.run(tenantId, key, fingerprint, operation));
    }

    public static void write(Context ctx, Idempotency.Response r) {
        if (r.replayed()) ctx.header("Idempotent-Replayed", "true");
        Bodies.send(ctx, HttpStatus.forStatus(r.status()), ContentType.JSON, r.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Housekeeping: keys are kept for a week, like the payment APIs that made them common. */
    public int purgeOlderThanDays(int days) {
        return idempotency.purgeOlderThanDays(days);
    }

    private static String canonical(String body) {
        try {
            return JSON.readTree(body).toString();
        } catch (Exception e) {
            return body;
        }
    }
}
