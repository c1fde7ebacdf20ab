package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.merchants.MerchantAccess;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Cookies;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Optional;

/**
 * /comercio: merchant staff sign in once with their API key; the browser then holds a merchant
 * session (its own cookie, not a staff session). Failed keys are throttled per IP before any
 * bcrypt is spent. The code form itself lives in {@link MerchantCodeRoutes}.
 */
public final class MerchantPortalRoutes {
    private final Web web;
    private final Templates templates;
    private final TenantCache tenants;
    private final MerchantAccess access;
    private final RedemptionRepository redemptions;

    public MerchantPortalRoutes(Web web, Templates templates, TenantCache tenants, MerchantAccess access, RedemptionRepository redemptions) {
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        this.access = access;
        this.redemptions = redemptions;
    }

    public void register(Routes routes) {
        routes.get("/comercio", this::home)
                .post("/comercio/login", this::login)
                .post("/comercio/logout", this::logout);
    }

    private void home(Context ctx) {
        Optional<MerchantAccess.SignedInMerchant> m = current(ctx);
        if (m.isEmpty()) {
            signIn(ctx, HttpStatus.OK, null);
            return;
        }
        show(ctx, m.get(), "", null);
    }

    private void login(Context ctx) {
        String key = ctx.formParam("api_key");
        if (key == null || key.isBlank()) {
            signIn(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "rewards.portal.signin.missing");
            return;
        }
        MerchantAccess.KeyCheck check = access.check(key, web.clientIp(ctx));
        if (!check.ok()) {
            if (check.refusal().retryAfter != null) ctx.header("Retry-After", check.refusal().retryAfter);
            signIn(ctx, check.refusal().status, check.refusal().portalMessage);
            return;
        }
        String previous = ctx.cookie(MerchantAccess.SESSION_COOKIE);
        if (previous != null && !previous.isEmpty()) access.endSession(previous);
        Cookies.set(ctx, MerchantAccess.SESSION_COOKIE, access.startSession(check.merchant()), -1, web.config().secureCookies());
        ctx.redirect("/comercio", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<MerchantAccess.SignedInMerchant> m = current(ctx);
        Messages messages = m.map(x -> Web.messages(ctx, tenant(x))).orElseGet(() -> Web.messages(ctx));
        String text = messages.t("rewards.portal.signed_out");
        String token = ctx.cookie(MerchantAccess.SESSION_COOKIE);
        if (token != null && !token.isEmpty()) access.endSession(token);
        Cookies.clear(ctx, MerchantAccess.SESSION_COOKIE, web.config().secureCookies());
        web.redirectWithFlash(ctx, "/comercio", text);
    }

    /** The merchant of this browser's session; a stale cookie is cleared. */
    Optional<MerchantAccess.SignedInMerchant> current(Context ctx) {
        String token = ctx.cookie(MerchantAccess.SESSION_COOKIE);
        if (token == null || token.isEmpty()) return Optional.empty();
        Optional<MerchantAccess.SignedInMerchant> m = access.bySession(token);
        if (m.isEmpty()) Cookies.clear(ctx, MerchantAccess.SESSION_COOKIE, web.config().secureCookies());
        return m;
    }

    Tenant tenant(MerchantAccess.SignedInMerchant m) {
        return tenants.byId(m.tenantId()).orElseThrow();
    }

    /** The signed-in page: the code form, with the answer about the last code above it and today's confirmations below. */
    void show(Context ctx, MerchantAccess.SignedInMerchant m, String typed, PortalVerdict verdict) {
        show(ctx, m, tenant(m), typed, verdict);
    }

    void show(Context ctx, MerchantAccess.SignedInMerchant m, Tenant tenant, String typed, PortalVerdict verdict) {
        ctx.header("Cache-Control", "no-store");
        HttpStatus status = verdict == null ? HttpStatus.OK : HttpStatus.forStatus(verdict.status());
        PortalToday today = PortalToday.of(redemptions, m.tenantId(), m.merchantId(), tenant.zone(), new Format(tenant));
        web.render(ctx, status, templates.rewardsMerchantPortal(web.page(ctx, tenant), m.name(), typed, verdict, today));
    }

    private void signIn(Context ctx, HttpStatus status, String problemKey) {
        ctx.header("Cache-Control", "no-store");
        PageContext page = web.page(ctx);
        web.render(ctx, status, templates.rewardsMerchantSignIn(page, problemKey == null ? null : page.t(problemKey)));
    }
}
