package dev.mostrador.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.NotEnoughStock;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.pricing.LineaPedido;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Orders over /api/pedidos (bearer token; Idempotency-Key on the placement and on every transition). */
public final class OrderApi {
    private static final int MAX_UNITS = 1_000_000;
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final OrderService service;
    private final OrderTransitions transitions;
    private final OrderRepository orders = new OrderRepository();

    OrderApi(DSLContext dsl, IdempotentApi api, OrderService service, OrderTransitions transitions) {
        this.dsl = dsl;
        this.api = api;
        this.service = service;
        this.transitions = transitions;
    }

    public void register(Routes routes) {
        routes.post("/api/pedidos", this::place, Role.STAFF)
                .get("/api/pedidos/{id}", ctx -> Web.json(ctx, HttpStatus.OK, OrderJson.order(orders.find(dsl, Web.user(ctx).tenantId(),
                        PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new))), Role.STAFF)
                .post("/api/pedidos/{id}/asignar", ctx -> step(ctx, (tx, body) -> {
                    JsonInput in = JsonInput.of(body);
                    Long repartidor = in.longValue("repartidor_id");
                    if (repartidor == null) throw OrderRefused.invalid("repartidor_id", in.errors().getOrDefault("repartidor_id", "is required"));
                    transitions.assign(tx, Web.user(ctx), PathParams.id(ctx, "id"), repartidor);
                    return null;
                }), Role.STAFF)
                .post("/api/pedidos/{id}/entregar", ctx -> step(ctx, (tx, body) -> {
                    transitions.deliver(tx, Web.user(ctx), PathParams.id(ctx, "id"));
                    return null;
                }), Role.STAFF)
                .post("/api/pedidos/{id}/cancelar", ctx -> step(ctx, (tx, body) -> {
                    transitions.cancel(tx, Web.user(ctx), PathParams.id(ctx, "id"));
                    return null;
                }), Role.STAFF)
                .post("/api/pedidos/{id}/devolver", ctx -> step(ctx, (tx, body) -> {
                    JsonInput in = JsonInput.of(body);
                    Boolean apto = in.bool("apto_venta");
                    if (apto == null) throw OrderRefused.invalid("apto_venta", in.errors().getOrDefault("apto_venta", "is required: true or false"));
                    transitions.giveBack(tx, Web.user(ctx), PathParams.id(ctx, "id"), apto);
                    return null;
                }), Role.STAFF);
    }

    private void place(Context ctx) {
        JsonInput in = JsonInput.read(ctx);
        if (in == null) return;
        CurrentUser me = Web.user(ctx);
        run(ctx, 201, tx -> {
            Boolean fromCart = in.bool("from_cart");
            OrderService.Details details = new OrderService.Details(in.text("direccion"), in.text("telefono"), in.text("nota"));
            Long customer = in.longValue("customer_id");
            if (!in.errors().isEmpty()) throw refusal(in);
            if (Boolean.TRUE.equals(fromCart)) return service.placeFromCart(tx, me, details);
            return service.placeDirect(tx, me, customer, lines(in.node().get("lineas")), details);
        });
    }

    private static List<LineaPedido> lines(JsonNode node) {
        if (node == null || node.isNull()) throw OrderRefused.invalid("lineas", "is required (or send \"from_cart\": true)");
        if (!node.isArray()) throw OrderRefused.invalid("lineas", "must be a list of {product_id, quantity}");
        if (node.size() > OrderService.MAX_LINES) throw OrderRefused.invalid("lineas", "at most " + OrderService.MAX_LINES + " lines");
        List<LineaPedido> lines = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode l = node.get(i);
            String at = "lineas[" + i + "]";
            if (!l.isObject()) throw OrderRefused.invalid(at, "must be an object {product_id, quantity}");
            JsonNode p = l.get("product_id"), q = l.get("quantity");
            if (p == null || !p.isIntegralNumber() || !p.canConvertToLong() || p.asLong() < 1) {
                throw OrderRefused.invalid(at + ".product_id", "must be a product id");
            }
            if (q == null || !q.isIntegralNumber() || !q.canConvertToInt() || q.asInt() < 1 || q.asInt() > MAX_UNITS) {
                throw OrderRefused.invalid(at + ".quantity", "must be a whole number from 1 to " + MAX_UNITS);
            }
            lines.add(new LineaPedido(p.asLong(), q.asInt()));
        }
        return lines;
    }

    /** A transition: an empty body is an empty object; the answer is the order as it ends. */
    private void step(Context ctx, BiFunction<DSLContext, JsonNode, Object> change) {
        JsonNode body;
        try {
            body = ctx.body().isBlank() ? JsonInput.MAPPER.createObjectNode() : JsonInput.MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "invalid_json", java.util.Map.of("body", "must be a JSON object"));
            return;
        }
        JsonNode json = body;
        long id = PathParams.id(ctx, "id");
        run(ctx, 200, tx -> {
            // Another tenant's order: 404 before any 422 about the body.
            if (orders.estado(tx, Web.user(ctx).tenantId(), id).isEmpty()) throw OrderRefused.notFound("id", "no order " + id);
            change.apply(tx, json);
            return id;
        });
    }

    private void run(Context ctx, int status, java.util.function.Function<DSLContext, Long> change) {
        CurrentUser me = Web.user(ctx);
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                long id = change.apply(tx);
                return IdempotentApi.response(status, OrderJson.order(orders.find(tx, me.tenantId(), id).orElseThrow()));
            } catch (OrderRefused e) {
                return IdempotentApi.response(e.status, OrderJson.refused(e));
            } catch (NotEnoughStock e) {
                return IdempotentApi.response(409, OrderJson.shortage(e));
            } catch (dev.mostrador.inventory.CartRefused e) {
                return IdempotentApi.error(e.status, e.error, e.fields);
            }
        });
    }

    private static OrderRefused refusal(JsonInput in) {
        var first = in.errors().entrySet().iterator().next();
        return new OrderRefused(422, "validation_failed", first.getKey() + " " + first.getValue(), in.errors());
    }
}
