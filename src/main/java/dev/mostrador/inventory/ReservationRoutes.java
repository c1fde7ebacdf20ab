package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** "Reservas" (/inventario/reservas): the list with the API's filters; admin and oficina release one after a confirmation page. */
public final class ReservationRoutes {
    private static final int PAGE_SIZE = 50;
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final ReservationQuery query;
    private final Reservations reservations;

    public ReservationRoutes(DSLContext dsl, Web web, Templates templates, ReservationQuery query, Reservations reservations) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.query = query;
        this.reservations = reservations;
    }

    public void register(Routes routes) {
        routes.get("/inventario/reservas", this::list, Role.STAFF)
                .get("/inventario/reservas/{id}/liberar", this::confirm, ReservationApi.WRITERS)
                .post("/inventario/reservas/{id}/liberar", this::release, ReservationApi.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        ReservationQuery.Filter filter = ReservationFilters.parse(ctx, errors);
        int total = query.count(me.tenantId(), filter);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, total);
        var rows = query.list(me.tenantId(), filter, PAGE_SIZE, paging.offset());
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT,
                templates.inventoryReservas(web.page(ctx), rows, filter, paging, base(filter), errors));
    }

    private void confirm(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Reserva r = reservations.find(dsl, me.tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        web.render(ctx, templates.inventoryLiberar(web.page(ctx), r));
    }

    private void release(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        long id = PathParams.id(ctx, "id");
        try {
            Reserva r = reservations.release(dsl, me.tenantId(), id, me.userId()).orElseThrow(NotFoundResponse::new);
            web.redirectWithFlash(ctx, "/inventario/reservas", m.t("reservas.released", r.id(), r.cantidad(), r.producto()));
        } catch (Reservations.NotPending e) {
            web.flashError(ctx, "/inventario/reservas", m.t("reservas.not_pending", id, m.t("reservas.estado." + e.reserva.estado())));
        }
    }

    /** The list's address with its filters, ready for "&page=". */
    private static String base(ReservationQuery.Filter f) {
        StringBuilder s = new StringBuilder("/inventario/reservas?");
        if (f.estado() != null) s.append("estado=").append(URLEncoder.encode(f.estado(), StandardCharsets.UTF_8)).append('&');
        if (f.productoId() != null) s.append("product_id=").append(f.productoId()).append('&');
        if (f.expiringWithin() != null) s.append("expiring_within=").append(f.expiringWithin()).append('&');
        if (f.carritoId() != null) s.append("carrito=").append(f.carritoId()).append('&');
        return s.append("x=").toString();
    }
}
