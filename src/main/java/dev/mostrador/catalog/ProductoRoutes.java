package dev.mostrador.catalog;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** Catalog pages: every staff role can browse, admins create and edit. */
public final class ProductoRoutes {
    private static final int PAGE_SIZE = 50;

    private final Web web;
    private final Templates templates;
    private final ProductoRepository productos;

    public ProductoRoutes(Web web, Templates templates, ProductoRepository productos) {
        this.web = web;
        this.templates = templates;
        this.productos = productos;
    }

    public void register(Routes routes) {
        routes.get("/productos", this::list, Role.STAFF)
                .get("/productos/new", ctx -> form(ctx, null, ProductoInput.blank(), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post("/productos", this::create, Role.ADMIN)
                .get("/productos/{id}/edit", ctx -> {
                    Producto p = load(ctx);
                    form(ctx, p.id(), ProductoInput.of(p, web.page(ctx).format()), FieldErrors.none(), HttpStatus.OK);
                }, Role.ADMIN)
                .post("/productos/{id}", this::update, Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String estado = ctx.queryParam("estado") == null ? "activos" : ctx.queryParam("estado");
        Boolean activo = switch (estado) {
            case "inactivos" -> false;
            case "todos" -> null;
            default -> true;
        };
        boolean sinPrecio = "1".equals(ctx.queryParam("sin_precio"));
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, productos.count(me.tenantId(), q, activo, sinPrecio));
        web.render(ctx, templates.productosList(web.page(ctx),
                productos.search(me.tenantId(), q, activo, sinPrecio, PAGE_SIZE, paging.offset()), q, estado, sinPrecio, paging));
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        ProductoInput input = ProductoInput.fromForm(ctx, new Format(me.tenant()));
        FieldErrors errors = check(ctx, input, null);
        if (!errors.isEmpty()) {
            form(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        productos.create(me.tenantId(), input);
        web.redirectWithFlash(ctx, "/productos", Web.messages(ctx).t("productos.created", input.nombre()));
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        ProductoInput input = ProductoInput.fromForm(ctx, new Format(me.tenant()));
        FieldErrors errors = check(ctx, input, id);
        if (!errors.isEmpty()) {
            form(ctx, id, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        productos.update(me.tenantId(), id, input);
        web.redirectWithFlash(ctx, "/productos", Web.messages(ctx).t("productos.updated", input.nombre()));
    }

    private FieldErrors check(Context ctx, ProductoInput input, Long id) {
        Messages m = Web.messages(ctx);
        FieldErrors errors = input.validate(m, new Format(Web.user(ctx).tenant()));
        if (!errors.has("sku") && productos.skuTaken(Web.user(ctx).tenantId(), input.sku(), id)) {
            errors.add("sku", m.t("productos.sku_taken"));
        }
        return errors;
    }

    private Producto load(Context ctx) {
        return productos.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, Long id, ProductoInput input, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.productosForm(web.page(ctx), id, input, errors));
    }
}
