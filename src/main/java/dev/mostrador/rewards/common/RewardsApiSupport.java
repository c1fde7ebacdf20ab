package dev.mostrador.rewards.common;

import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** What the rewards API handlers share: Idempotency-Key and the audit context of a request. */
public final class RewardsApiSupport {
    private final IdempotentApi api;
    private final Web web;

    public RewardsApiSupport(IdempotentApi api, Web web) {
        this.api = api;
        this.web = web;
    }

    /** Runs a state-changing request once per Idempotency-Key and writes its (first) response. */
    public void idempotent(Context ctx, UUID tenantId, Function<DSLContext, Idempotency.Response> operation) {
        api.idempotent(ctx, tenantId, operation);
    }

    public AuditContext audit(Context ctx) {
        CurrentUser user = Web.user(ctx);
        return new AuditContext("user", user == null ? null : user.email(), web.clientIp(ctx), ctx.userAgent(), Map.of("channel", "api"));
    }

    /** A merchant acting with its key; {@code merchantId} null when the key was not recognised. */
    public AuditContext audit(Context ctx, UUID merchantId, String channel) {
        return new AuditContext("merchant", merchantId == null ? null : merchantId.toString(), web.clientIp(ctx),
                ctx.userAgent(), Map.of("channel", channel));
    }

    public Web web() {
        return web;
    }
}
