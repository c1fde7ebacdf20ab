package dev.mostrador.orders;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.NotFoundResponse;

/** The repartidor's phone page of the day and the printable remito of an order; any staff member opens them. */
public final class DeliveryRoutes {
    private final Web web;
    private final Templates templates;
    private final RepartidorRepository repartidores;
    private final DeliveryQuery deliveries;
    private final RemitoQuery remitos;

    DeliveryRoutes(Web web, Templates templates, RepartidorRepository repartidores, DeliveryQuery deliveries, RemitoQuery remitos) {
        this.web = web;
        this.templates = templates;
        this.repartidores = repartidores;
        this.deliveries = deliveries;
        this.remitos = remitos;
    }

    public void register(Routes routes) {
        routes.get("/repartidores/{id}/hoy", ctx -> {
            CurrentUser me = Web.user(ctx);
            Repartidor r = repartidores.find(me.tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
            web.render(ctx, templates.repartidoresHoy(web.page(ctx), r, deliveries.today(me.tenantId(), r.id(), me.tenant().zone())));
        }, Role.STAFF).get("/pedidos/{id}/remito", ctx -> {
            CurrentUser me = Web.user(ctx);
            web.render(ctx, templates.ordersRemito(web.page(ctx), me.tenant(),
                    remitos.find(me.tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new)));
        }, Role.STAFF);
    }
}
