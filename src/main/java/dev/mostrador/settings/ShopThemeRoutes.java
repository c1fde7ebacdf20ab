package dev.mostrador.settings;

import dev.mostrador.platform.tenants.Branding;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.platform.web.Bodies;
import dev.mostrador.platform.web.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.nio.charset.StandardCharsets;

/**
 * What the public pages of a shop load besides the app's own assets: its logo and a stylesheet
 * with its colours. A stylesheet because the CSP allows no inline styles (style-src 'self').
 * Both URLs carry a version, so browsers keep them until the shop changes them.
 */
public final class ShopThemeRoutes {
    private static final String FOR_A_YEAR = "public, max-age=31536000, immutable";
    private static final String A_LITTLE = "public, max-age=60";

    private final TenantCache tenants;
    private final TenantRepository repository;

    public ShopThemeRoutes(TenantCache tenants, TenantRepository repository) {
        this.tenants = tenants;
        this.repository = repository;
    }

    public void register(Routes routes) {
        routes.get("/t/{slug}/logo", this::logo).get("/t/{slug}/theme.css", this::theme);
    }

    private void logo(Context ctx) {
        Tenant tenant = tenants.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        TenantRepository.Logo logo = repository.findLogo(tenant.id()).orElseThrow(NotFoundResponse::new);
        String version = String.valueOf(logo.updatedAt().toInstant().toEpochMilli());
        ctx.header("Cache-Control", version.equals(ctx.queryParam("v")) ? FOR_A_YEAR : A_LITTLE);
        // Only ever shown as an image: nothing in it may run or be framed, whatever it holds.
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Content-Disposition", "inline; filename=\"logo\"");
        Bodies.send(ctx, HttpStatus.OK, logo.contentType(), logo.bytes());
    }

    private void theme(Context ctx) {
        Tenant tenant = tenants.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Branding b = tenant.branding();
        ctx.header("Cache-Control", b.colorsVersion().equals(ctx.queryParam("v")) ? FOR_A_YEAR : A_LITTLE);
        Bodies.send(ctx, HttpStatus.OK, "text/css; charset=utf-8", ShopTheme.css(b).getBytes(StandardCharsets.UTF_8));
    }
}
