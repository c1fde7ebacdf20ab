package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.CurrentUser;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.List;

/** Seed 000's limits on the JSON API: reads and writes per minute, per user, or per IP when anonymous. */
public final class ApiRateLimits {
    private final RateLimiter reads;
    private final RateLimiter writes;
    private final List<String> prefixes;
    private final Web web;

    public ApiRateLimits(Web web, int readsPerMinute, int writesPerMinute, List<String> prefixes) {
        this.web = web;
        this.reads = web.rateLimits().limiter("api-reads", readsPerMinute);
        this.writes = web.rateLimits().limiter("api-writes", writesPerMinute);
        this.prefixes = prefixes;
    }

    /** beforeMatched, after authentication: counts the request against its caller. */
    public void apply(Context ctx) {
        String path = ctx.path();
        if (prefixes.stream().noneMatch(path::startsWith)) return;
        CurrentUser user = Web.user(ctx);
        String key = user != null ? "user:" + user.userId() : "ip:" + web.clientIp(ctx);
        boolean read = HandlerType.GET.equals(ctx.method()) || HandlerType.HEAD.equals(ctx.method());
        (read ? reads : writes).check(ctx, key);
    }
}
