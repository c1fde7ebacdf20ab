package dev.mostrador.promotions;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.NotFoundResponse;

import java.time.OffsetDateTime;

/** /t/{slug}/ofertas: a tenant's active ofertas for the public, phone first. */
public final class PublicOfertasRoutes {
    private final Web web;
    private final Templates templates;
    private final TenantCache tenants;
    private final ActiveOfertaCache active;
    private final PublicOfertaCards cards;

    public PublicOfertasRoutes(Web web, Templates templates, TenantCache tenants, ActiveOfertaCache active, PublicOfertaCards cards) {
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        this.active = active;
        this.cards = cards;
    }

    public void register(Routes routes) {
        routes.get("/t/{slug}/ofertas", ctx -> {
            Tenant tenant = tenants.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            ctx.header("Cache-Control", "no-cache"); // writes show at once; the server caches, browsers revalidate
            PageContext page = web.page(ctx, tenant);
            web.render(ctx, templates.ofertasPublic(page, tenant, new Format(tenant),
                    cards.of(tenant, active.now(tenant).ofertas(), page.messages(), OffsetDateTime.now())));
        });
    }
}
