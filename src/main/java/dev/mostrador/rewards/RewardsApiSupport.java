package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.Bodies;
import dev.mostrador.platform.web.Web;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** What the rewards API handlers share: JSON bodies, Idempotency-Key, the audit context of a request. */
public final class RewardsApiSupport {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Idempotency idempotency;
    private final Web web;

    public RewardsApiSupport(Idempotency idempotency, Web web) {
        this.idempotency = idempotency;
        this.web = web;
    }

    /** The merchant of the request's key, or an answer already written (401, 429 or 503). */
    public Optional<MerchantAccess.SignedInMerchant> merchant(Context ctx, MerchantAccess access, String key) {
        MerchantAccess.KeyCheck check = access.check(key, web.clientIp(ctx));
        if (check.ok()) return Optional.of(check.merchant());
        if (check.refusal().retryAfter != null) ctx.header("Retry-After", check.refusal().retryAfter);
        Web.jsonError(ctx, check.refusal().status, check.refusal().error, null);
        return Optional.empty();
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

    public AuditContext audit(Context ctx) {
        CurrentUser user = Web.user(ctx);
        return new AuditContext("user", user == null ? null : user.email(), web.clientIp(ctx), ctx.userAgent(), Map.of("channel", "api"));
    }

    public AuditContext audit(Context ctx, MerchantAccess.SignedInMerchant merchant, String channel) {
        return new AuditContext("merchant", merchant == null ? null : merchant.merchantId().toString(), web.clientIp(ctx),
                ctx.userAgent(), Map.of("channel", channel));
    }

    public Web web() {
        return web;
    }

    private static String canonical(String body) {
        try {
            return JSON.readTree(body).toString();
        } catch (Exception e) {
            return body;
        }
    }
}
