package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.util.function.BiConsumer;

/**
 * Seed 003's cart over /api/carrito (bearer token; Idempotency-Key on every write). The paths also
 * answer with the seed's trailing slash (/api/carrito/agregar/): the router ignores it.
 */
public final class CartApi {
    private final DSLContext dsl;
    private final CartService carts;
    private final ActiveOfertaCache ofertas;
    private final IdempotentApi api;

    public CartApi(DSLContext dsl, CartService carts, ActiveOfertaCache ofertas, IdempotentApi api) {
        this.dsl = dsl;
        this.carts = carts;
        this.ofertas = ofertas;
        this.api = api;
    }

    public void register(Routes routes) {
        String base = "/api/carrito";
        routes.get(base, ctx -> Web.json(ctx, HttpStatus.OK, CartJson.cart(carts.view(dsl, Web.user(ctx), Web.messages(ctx)))), Role.STAFF)
                .post(base + "/agregar", ctx -> withBody(ctx, 201, (tx, body) -> carts.add(tx, Web.user(ctx),
                        CartJson.whole(body, "product_id", Long.MAX_VALUE), (int) CartJson.whole(body, "quantity", CartService.MAX_UNITS))), Role.STAFF)
                .put(base + "/items/{id}", ctx -> withBody(ctx, 200, (tx, body) -> {
                    long product = carts.tenantsProduct(tx, Web.user(ctx), PathParams.id(ctx, "id")); // another tenant's id: 404 before any 422
                    carts.change(tx, Web.user(ctx), product, (int) CartJson.whole(body, "quantity", CartService.MAX_UNITS));
                }), Role.STAFF)
                .delete(base + "/items/{id}", ctx -> write(ctx, 200, tx -> carts.remove(tx, Web.user(ctx), PathParams.id(ctx, "id"))), Role.STAFF)
                .post(base + "/vaciar", ctx -> write(ctx, 200, tx -> carts.empty(tx, Web.user(ctx))), Role.STAFF)
                .put(base + "/cliente", ctx -> withBody(ctx, 200, (tx, body) -> carts.assignCustomer(tx, Web.user(ctx),
                        body.hasNonNull("customer_id") ? Long.valueOf(CartJson.whole(body, "customer_id", Long.MAX_VALUE)) : null)), Role.STAFF)
                .post(base + "/checkout", this::checkout, Role.STAFF);
    }

    private void checkout(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ofertas.now(me.tenant()); // loaded before the transaction holds a connection
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                return IdempotentApi.response(200, CartJson.checkout(carts.checkout(tx, me, m)));
            } catch (NotEnoughStock e) {
                return IdempotentApi.response(409, CartJson.shortage(e));
            } catch (CartRefused e) {
                return IdempotentApi.error(e.status, e.error, e.fields);
            }
        });
    }

    private void withBody(Context ctx, int status, BiConsumer<DSLContext, JsonNode> change) {
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        write(ctx, status, tx -> change.accept(tx, json.node()));
    }

    private void write(Context ctx, int status, java.util.function.Consumer<DSLContext> change) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ofertas.now(me.tenant());
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                change.accept(tx);
            } catch (CartRefused e) {
                return IdempotentApi.error(e.status, e.error, e.fields);
            }
            Idempotency.Response ok = IdempotentApi.response(status, CartJson.cart(carts.view(tx, me, m)));
            return ok;
        });
    }
}
