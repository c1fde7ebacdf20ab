package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Bodies;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.RateLimiter;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import gg.jte.output.StringOutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * /r/{code}: the page a customer's QR opens. It shows the reward, the merchant, the QR again and
 * the code, and the code's state; nothing about the customer. The code is the only secret, so
 * lookups are limited per IP (brute force), and the page asks not to be indexed nor referred.
 */
public final class LandingRoutes {
    private final Web web;
    private final Templates templates;
    private final TenantCache tenants;
    private final RedemptionRepository redemptions;
    private final RedemptionService service;
    private final RateLimiter lookups;

    public LandingRoutes(Web web, Templates templates, TenantCache tenants, RedemptionRepository redemptions, RedemptionService service,
                         int lookupsPerMinute) {
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        this.redemptions = redemptions;
        this.service = service;
        this.lookups = web.rateLimits().limiter("code-lookups", lookupsPerMinute);
    }

    public void register(Routes routes) {
        routes.get("/r/{code}", this::landing).get("/r/{code}/qr.svg", this::qr).get("/r/{code}/estado", this::state);
    }

    private void landing(Context ctx) {
        privateHeaders(ctx);
        ctx.header("Cache-Control", "no-store"); // the state changes when a merchant confirms
        Optional<Redemption> found = lookUp(ctx);
        if (found.isEmpty()) return;
        Redemption r = found.get();
        Tenant tenant = tenants.byId(r.tenantId()).orElseThrow();
        PageContext page = web.page(ctx, tenant);
        CodeStatus status = CodeStatus.of(r, page.messages(), tenant.zone(), OffsetDateTime.now());
        String merchant = r.offerMerchantName() != null ? r.offerMerchantName() : tenant.name();
        web.render(ctx, templates.rewardsCustomerLanding(page, r.offerName(), merchant, r.displayCode(), QrSvg.of(landingUrl(r)), status,
                "/r/" + r.code() + "/estado"));
    }

    /**
     * The landing page's state alone, which htmx polls while the code is pending: one indexed read
     * of four columns, a few hundred bytes, 304 when unchanged, and 286 (htmx: stop polling) once
     * the code is confirmed, expired or cancelled. Known codes do not use up the per-IP allowance
     * (many phones share a shop's Wi-Fi); misses count as guesses, like the landing page's.
     */
    private void state(Context ctx) {
        privateHeaders(ctx);
        String ip = "ip:" + web.clientIp(ctx);
        if (lookups.exceeded(ip)) {
            ctx.header("Cache-Control", "no-store");
            Bodies.send(ctx, HttpStatus.TOO_MANY_REQUESTS, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        Optional<RedemptionRepository.CodeState> found = Codes.normalize(ctx.pathParam("code")).flatMap(redemptions::stateByCode);
        if (found.isEmpty()) {
            lookups.count(ip);
            ctx.header("Cache-Control", "no-store");
            Bodies.send(ctx, HttpStatus.NOT_FOUND, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        RedemptionRepository.CodeState s = found.get();
        Tenant tenant = tenants.byId(s.tenantId()).orElseThrow();
        Messages m = Messages.of(tenant.language()); // as web.page(ctx, tenant), without a CSRF cookie or a flash to take
        CodeStatus status = CodeStatus.of(s.status(), s.validatedAt(), s.expiresAt(), m, tenant.zone(), OffsetDateTime.now());
        StringOutput out = new StringOutput();
        templates.rewardsCustomerStateFragment(status, m.t("rewards.public.show_this")).render(out);
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        // htmx swaps a 286 answer and stops polling; a few hundred bytes, never worth gzipping.
        ctx.status(status.pending() ? 200 : 286).contentType("text/html; charset=utf-8");
        Bodies.sendShared(ctx, ByteBuffer.wrap(body));
    }

    private void qr(Context ctx) {
        privateHeaders(ctx);
        Optional<Redemption> found = lookUp(ctx);
        if (found.isEmpty()) return;
        ctx.header("Cache-Control", "private, max-age=3600");
        Bodies.send(ctx, HttpStatus.OK, "image/svg+xml", QrSvg.of(landingUrl(found.get())).getBytes(StandardCharsets.UTF_8));
    }

    /** The redemption of the path's code, or empty after answering 429 or 404. */
    private Optional<Redemption> lookUp(Context ctx) {
        try {
            lookups.check(ctx, "ip:" + web.clientIp(ctx));
        } catch (HttpResponseException e) {
            message(ctx, HttpStatus.TOO_MANY_REQUESTS, "rewards.public.too_many");
            return Optional.empty();
        }
        Optional<Redemption> found = Codes.normalize(ctx.pathParam("code")).flatMap(redemptions::findByCode);
        if (found.isEmpty()) message(ctx, HttpStatus.NOT_FOUND, "rewards.public.not_found");
        return found;
    }

    private void message(Context ctx, HttpStatus status, String key) {
        PageContext page = web.page(ctx);
        Messages m = page.messages();
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, status, templates.rewardsCustomerMessage(page, status.getCode(), m.t(key + ".title"), m.t(key + ".text")));
    }

    private String landingUrl(Redemption r) {
        return r.qrLandingUrl() != null ? r.qrLandingUrl() : service.landingUrl(r.code());
    }

    /** The code is in the URL: no Referer to other sites, no search engine. */
    private static void privateHeaders(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
    }
}
