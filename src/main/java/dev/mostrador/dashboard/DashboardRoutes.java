package dev.mostrador.dashboard;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertas;
import dev.mostrador.promotions.OfertaRows;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.OffsetDateTime;

/** The landing page after login: who and where, and the banner of active ofertas. */
public final class DashboardRoutes {
    private final Web web;
    private final Templates templates;
    private final ActiveOfertas active;
    private final OfertaRows rows;

    public DashboardRoutes(Web web, Templates templates, ActiveOfertas active, OfertaRows rows) {
        this.web = web;
        this.templates = templates;
        this.active = active;
        this.rows = rows;
    }

    public void register(Routes routes) {
        routes.get("/", ctx -> ctx.redirect(Web.user(ctx) != null ? "/dashboard" : "/login", HttpStatus.SEE_OTHER))
                .get("/dashboard", this::dashboard, Role.STAFF)
                .get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
    }

    private void dashboard(Context ctx) {
        CurrentUser me = Web.user(ctx);
        web.render(ctx, templates.dashboardIndex(web.page(ctx),
                rows.of(me.tenant(), active.now(me.tenant()).ofertas(), OffsetDateTime.now())));
    }
}
