package dev.mostrador.rewards;

import dev.mostrador.platform.tenants.Tenant;
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

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * /r/{code}: the page a customer's QR opens. It shows the reward, the merchant, the QR again and
 * the code, and the code's state; nothing about the customer. The code is the only secret, so
 * lookups are limited per IP (brute force), and the page asks not to be indexed nor referred.
 */
final class LandingRoutes {
    private final RewardsModule rewards;
    private final Web web;
    private final Templates templates;
    private final RateLimiter lookups;

    LandingRoutes(RewardsModule rewards) {
        this.rewards = rewards;
        this.web = rewards.web();
        this.templates = rewards.templates();
        this.lookups = new RateLimiter(rewards.config().codeLookupsPerMinute());
    }

    void register(Routes routes) {
        routes.get("/r/{code}", this::landing).get("/r/{code}/qr.svg", this::qr);
    }

    private void landing(Context ctx) {
        privateHeaders(ctx);
        ctx.header("Cache-Control", "no-store"); // the state changes when a merchant confirms
        Optional<Redemption> found = lookUp(ctx);
        if (found.isEmpty()) return;
        Redemption r = found.get();
        Tenant tenant = rewards.tenants().byId(r.tenantId()).orElseThrow();
        PageContext page = web.page(ctx, tenant);
        CodeStatus status = CodeStatus.of(r, page.messages(), tenant.zone(), OffsetDateTime.now());
        String merchant = r.offerMerchantName() != null ? r.offerMerchantName() : tenant.name();
        web.render(ctx, templates.rewardsCustomerLanding(page, r.offerName(), merchant, r.displayCode(), QrSvg.of(landingUrl(r)), status));
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
        Optional<Redemption> found = Codes.normalize(ctx.pathParam("code")).flatMap(rewards.redemptions()::findByCode);
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
        return r.qrLandingUrl() != null ? r.qrLandingUrl() : rewards.service().landingUrl(r.code());
    }

    /** The code is in the URL: no Referer to other sites, no search engine. */
    private static void privateHeaders(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
    }
}
