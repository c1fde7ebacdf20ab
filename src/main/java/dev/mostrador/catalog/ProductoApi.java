package dev.mostrador.catalog;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON twin of the catalog pages: fields id, sku, nombre, descripcion, precio, activo, and the stock
 * counters (read only: they change through /api/inventario) with stock_minimo (editable).
 */
public final class ProductoApi {
    private static final Messages EN = Messages.of("en");
    private final ProductoRepository productos;

    public ProductoApi(ProductoRepository productos) {
        this.productos = productos;
    }

    public void register(Routes routes) {
        routes.get("/api/productos", this::list, Role.STAFF)
                .get("/api/productos/{id}", this::show, Role.STAFF)
                .post("/api/productos", this::create, Role.ADMIN)
                .put("/api/productos/{id}", this::update, Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q");
        Boolean activo = ctx.queryParam("activo") == null ? null : Boolean.valueOf(ctx.queryParam("activo"));
        int limit = Math.min(500, Math.max(1, QueryParams.intOr(ctx, "limit", 100)));
        int offset = Math.max(0, QueryParams.intOr(ctx, "offset", 0));
        ctx.header("X-Total-Count", String.valueOf(productos.count(me.tenantId(), q, activo)));
        Web.json(ctx, HttpStatus.OK, productos.search(me.tenantId(), q, activo, limit, offset).stream().map(ProductoApi::json).toList());
    }

    private void show(Context ctx) {
        Web.json(ctx, HttpStatus.OK, json(load(ctx)));
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        ProductoInput input = parse(ctx, null);
        if (input == null) return;
        long id = productos.create(me.tenantId(), input);
        Web.json(ctx, HttpStatus.CREATED, json(productos.find(me.tenantId(), id).orElseThrow()));
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        ProductoInput input = parse(ctx, id);
        if (input == null) return;
        productos.update(me.tenantId(), id, input);
        Web.json(ctx, HttpStatus.OK, json(productos.find(me.tenantId(), id).orElseThrow()));
    }

    /** The valid input, or null after answering 422 with every bad field. */
    private ProductoInput parse(Context ctx, Long id) {
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return null;
        ProductoInput input = ProductoInput.fromJson(json);
        FieldErrors errors = input.validate(EN, new Format(Web.user(ctx).tenant()));
        json.errors().forEach(errors::set);
        if (errors.isEmpty() && productos.skuTaken(Web.user(ctx).tenantId(), input.sku(), id)) {
            errors.add("sku", EN.t("productos.sku_taken"));
        }
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return null;
        }
        return input;
    }

    private Producto load(Context ctx) {
        return productos.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    static Map<String, Object> json(Producto p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("sku", p.sku());
        m.put("nombre", p.nombre());
        m.put("descripcion", p.descripcion());
        m.put("precio", p.precio());
        m.put("activo", p.activo());
        // Seed 003's names; "stock" is the legacy name of what can be sold.
        m.put("stock_total", p.stockTotal());
        m.put("stock_reservado", p.stockReservado());
        m.put("stock_vendido", p.stockVendido());
        m.put("stock_disponible", p.stockDisponible());
        m.put("stock", p.stockDisponible());
        m.put("stock_minimo", p.stockMinimo());
        return m;
    }
}
