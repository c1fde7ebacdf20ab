package dev.mostrador.orders;

import dev.mostrador.inventory.NotEnoughStock;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.util.List;

/**
 * The order page (/pedidos/{id}) and its actions, plain forms answering 303 to the order (or to a
 * local {@code volver}); cancelling and returning ask first on a page of their own. "Confirmar
 * pedido" of the cart posts to /carrito/pedido.
 */
public final class OrderRoutes {
    /** An active repartidor to pick in the assign form (their CRUD lives elsewhere). */
    public record RepartidorOption(long id, String nombre) {}

    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final OrderService service;
    private final OrderTransitions transitions;
    private final OrderRepository orders = new OrderRepository();

    OrderRoutes(DSLContext dsl, Web web, Templates templates, OrderService service, OrderTransitions transitions) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.service = service;
        this.transitions = transitions;
    }

    public void register(Routes routes) {
        routes.get("/pedidos/{id}", ctx -> web.render(ctx, templates.ordersShow(web.page(ctx), order(ctx), repartidores(Web.user(ctx)))), Role.STAFF)
                .get("/pedidos/{id}/cancelar", ctx -> web.render(ctx, templates.ordersConfirm(web.page(ctx), order(ctx), "cancelar")), Role.STAFF)
                .get("/pedidos/{id}/devolver", ctx -> web.render(ctx, templates.ordersConfirm(web.page(ctx), order(ctx), "devolver")), Role.STAFF)
                .post("/pedidos/{id}/asignar", ctx -> step(ctx, "ped.done.asignar", id -> {
                    Long repartidor = parseLong(ctx.formParam("repartidor_id"));
                    if (repartidor == null) throw OrderRefused.invalid("repartidor_id", "is required");
                    transitions.assign(dsl, Web.user(ctx), id, repartidor);
                }), Role.STAFF)
                .post("/pedidos/{id}/entregar", ctx -> step(ctx, "ped.done.entregar", id -> transitions.deliver(dsl, Web.user(ctx), id)), Role.STAFF)
                .post("/pedidos/{id}/cancelar", ctx -> step(ctx, "ped.done.cancelar", id -> transitions.cancel(dsl, Web.user(ctx), id)), Role.STAFF)
                .post("/pedidos/{id}/devolver", ctx -> step(ctx, "ped.done.devolver", id ->
                        transitions.giveBack(dsl, Web.user(ctx), id, "true".equals(ctx.formParam("apto_venta")))), Role.STAFF)
                .post("/carrito/pedido", this::placeFromCart, Role.STAFF);
    }

    private Pedido order(Context ctx) {
        return orders.find(dsl, Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private List<RepartidorOption> repartidores(CurrentUser me) {
        return Jdbc.list(dsl, "SELECT id, nombre FROM public.repartidores WHERE tenant_id = ? AND activo ORDER BY nombre, id LIMIT 500",
                r -> new RepartidorOption(r.getLong(1), r.getString(2)), me.tenantId());
    }

    interface Step {
        void run(long id);
    }

    private void step(Context ctx, String doneKey, Step step) {
        long id = PathParams.id(ctx, "id");
        Messages m = Web.messages(ctx);
        if (orders.estado(dsl, Web.user(ctx).tenantId(), id).isEmpty()) throw new NotFoundResponse();
        String back = back(ctx, "/pedidos/" + id);
        try {
            step.run(id);
        } catch (OrderRefused e) {
            if (e.status == 404) throw new NotFoundResponse();
            web.flashError(ctx, back, refusal(m, e, id));
            return;
        }
        web.redirectWithFlash(ctx, back, m.t(doneKey, id));
    }

    private void placeFromCart(Context ctx) {
        Messages m = Web.messages(ctx);
        try {
            long id = service.placeFromCart(dsl, Web.user(ctx), new OrderService.Details(ctx.formParam("direccion"),
                    ctx.formParam("telefono"), ctx.formParam("nota")));
            web.redirectWithFlash(ctx, "/pedidos/" + id, m.t("ped.placed", id));
        } catch (NotEnoughStock e) {
            web.flashError(ctx, "/carrito", m.t("ped.short", String.join("; ", e.shortages().stream()
                    .map(s -> m.t("ped.short_line", s.nombre(), s.sku(), s.pedido(), s.disponible())).toList())));
        } catch (OrderRefused e) {
            web.flashError(ctx, "/carrito", refusal(m, e, 0));
        } catch (dev.mostrador.inventory.CartRefused e) {
            web.flashError(ctx, "/carrito", m.t(e.status == 409 ? "ped.error.cart_already_ordered" : "ped.error.empty_cart"));
        }
    }

    private static String refusal(Messages m, OrderRefused e, long id) {
        return switch (e.error) {
            case "invalid_transition" -> m.t("ped.error.state", id, m.t("ped.estado." + e.fields.get("estado")));
            case "reservations_expired", "cart_changed", "cart_already_ordered", "empty_cart" -> m.t("ped.error." + e.error);
            case "validation_failed" -> e.fields.containsKey("repartidor_id") ? m.t("ped.error.repartidor_inactive")
                    : m.t("ped.error.invalid", e.fields.keySet().iterator().next(), e.getMessage());
            default -> m.t("ped.error.invalid", e.fields.keySet().stream().findFirst().orElse(""), e.getMessage());
        };
    }

    /** Where to go after an action: the form's local {@code volver} path, or the order. */
    private static String back(Context ctx, String fallback) {
        String volver = ctx.formParam("volver");
        if (volver == null || volver.isEmpty()) return fallback;
        String safe = Web.safeNext(volver);
        return safe.equals(volver) ? safe : fallback;
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
