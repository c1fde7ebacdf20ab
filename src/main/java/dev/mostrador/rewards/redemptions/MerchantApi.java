package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.rewards.merchants.MerchantAccess;
import dev.mostrador.platform.web.RateLimiter;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Map;
import java.util.Optional;

/**
 * For point-of-sale systems, with the merchant's API key (Authorization: Bearer mk_… or
 * X-Merchant-Key): look a code up, confirm it. Too many unknown codes from one merchant or one IP
 * answer 429 and leave an audit row.
 */
public final class MerchantApi {
    private static final String CONFIRM_PREFIX = "/api/v1/rewards/redemptions/";

    /**
     * Whether a path is a confirmation's (this API's or the merchant portal's form): each is
     * mostly one durable commit, so they wait in a line of their own
     * ({@link dev.mostrador.platform.web.ActiveRequests#durableCommits}).
     */
    public static boolean isConfirmation(String path) {
        return path.startsWith(CONFIRM_PREFIX) && path.endsWith("/confirm") && path.indexOf('/', CONFIRM_PREFIX.length()) == path.length() - 8
                || path.equals("/comercio/confirmar");
    }
    private final MerchantAccess access;
    private final Confirmations confirmations;
    private final RewardsApiSupport support;
    private final UnknownCodeGuard guard;

    public MerchantApi(MerchantAccess access, Confirmations confirmations, RewardsApiSupport support, UnknownCodeGuard guard) {
        this.access = access;
        this.confirmations = confirmations;
        this.support = support;
        this.guard = guard;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/rewards/merchant/redemptions/{code}", ctx -> handle(ctx, false))
                .post(CONFIRM_PREFIX + "{code}/confirm", ctx -> handle(ctx, true));
    }

    private void handle(Context ctx, boolean confirm) {
        Optional<MerchantAccess.SignedInMerchant> merchant = access.fromRequest(ctx, support.web(), key(ctx));
        if (merchant.isEmpty()) return;
        MerchantAccess.SignedInMerchant m = merchant.get();
        AuditContext audit = support.audit(ctx, m.merchantId(), "api");
        if (guard.blocked(ctx, m, audit)) return;
        Optional<String> code = Codes.normalize(ctx.pathParam("code"));
        if (code.isEmpty()) {
            guard.unknown(ctx, m, audit);
            Web.jsonError(ctx, HttpStatus.NOT_FOUND, "unknown_code", null);
            return;
        }
        if (!confirm) {
            Confirmations.Check check = confirmations.lookup(m, code.get(), audit);
            if (check.verdict().equals("unknown")) guard.unknown(ctx, m, audit);
            Web.json(ctx, check.verdict().equals("unknown") ? HttpStatus.NOT_FOUND : HttpStatus.OK, RedemptionJson.forMerchant(check));
            return;
        }
        support.idempotent(ctx, m.tenantId(), tx -> {
            Confirmations.Check check = confirmations.confirm(tx, m, code.get(), audit);
            int status = switch (check.verdict()) {
                case "confirmed_now" -> 200;
                case "unknown" -> 404;
                case "other_merchant" -> 403;
                default -> 409;
            };
            if (status == 404) guard.unknown(ctx, m, audit);
            return IdempotentApi.response(status, RedemptionJson.forMerchant(check));
        });
    }

    static String key(Context ctx) {
        String header = ctx.header("X-Merchant-Key");
        if (header != null) return header;
        String auth = ctx.header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    /** Counts unknown codes per merchant and per IP; past the limit, refuses and audits. */
    public static final class UnknownCodeGuard {
        private final RateLimiter perMerchant;
        private final RateLimiter perIp;
        private final Confirmations confirmations;
        private final Web web;

        public UnknownCodeGuard(int perMinute, Confirmations confirmations, Web web) {
            this.perMerchant = web.rateLimits().limiter("unknown-codes-merchant", perMinute);
            this.perIp = web.rateLimits().limiter("unknown-codes-ip", perMinute);
            this.confirmations = confirmations;
            this.web = web;
        }

        /** True (after answering 429) when this merchant or IP already used up its unknown codes. */
        public boolean blocked(Context ctx, MerchantAccess.SignedInMerchant m, AuditContext audit) {
            if (!exceeded(ctx, m, audit)) return false;
            Web.jsonError(ctx, HttpStatus.TOO_MANY_REQUESTS, "too_many_unknown_codes", null);
            return true;
        }

        /** True when over the limit, after auditing it and setting Retry-After; the caller writes the 429 body. */
        public boolean exceeded(Context ctx, MerchantAccess.SignedInMerchant m, AuditContext audit) {
            boolean over = RateLimiter.anyExceeded(probes(ctx, m));
            if (!over) return false;
            confirmations.recordFailure(m.tenantId(), "rate_limited", audit, Map.of("reason", "too_many_unknown_codes"));
            ctx.header("Retry-After", "60");
            return true;
        }

        /** This merchant's and this IP's windows: looked at and counted together (one round trip on a shared store). */
        private RateLimiter.Probe[] probes(Context ctx, MerchantAccess.SignedInMerchant m) {
            return new RateLimiter.Probe[] {new RateLimiter.Probe(perMerchant, "m:" + m.merchantId()),
                    new RateLimiter.Probe(perIp, "ip:" + web.clientIp(ctx))};
        }

        public void unknown(Context ctx, MerchantAccess.SignedInMerchant m, AuditContext audit) {
            unknown(ctx, m, audit, ctx.pathParam("code"));
        }

        /** Counts an unknown code that was typed (in a form, not in the path). */
        public void unknown(Context ctx, MerchantAccess.SignedInMerchant m, AuditContext audit, String typed) {
            RateLimiter.countAll(probes(ctx, m));
            String code = String.valueOf(typed);
            confirmations.recordFailure(m.tenantId(), "lookup_failed", audit, Map.of("code", code.substring(0, Math.min(40, code.length()))));
        }
    }
}
