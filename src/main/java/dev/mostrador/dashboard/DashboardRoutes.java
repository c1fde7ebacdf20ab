package dev.mostrador.dashboard;

import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.HttpStatus;

/** The landing page after login; later features add their summaries here. */
public final class DashboardRoutes {
    private final Web web;
    private final Templates templates;

    public DashboardRoutes(Web web, Templates templates) {
        this.web = web;
        this.templates = templates;
    }

    public void register(Routes routes) {
        routes.get("/", ctx -> ctx.redirect(Web.user(ctx) != null ? "/dashboard" : "/login", HttpStatus.SEE_OTHER))
                .get("/dashboard", ctx -> web.render(ctx, templates.dashboardIndex(web.page(ctx))), Role.STAFF);
    }
}
