package dev.mostrador.catalog;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.List;

/** Catalog pages: every staff role can browse, admins create and edit. */
public final class ProductoRoutes {
    private static final int PAGE_SIZE = 50;

    private final Web web;
    private final Templates templates;
    private final ProductoRepository productos;
    private final ProductoPageParts parts;

    public ProductoRoutes(Web web, Templates templates, ProductoRepository productos) {
        this(web, templates, productos, ProductoPageParts.NONE);
    }

    public ProductoRoutes(Web web, Templates templates, ProductoRepository productos, ProductoPageParts parts) {
        this.web = web;
        this.templates = templates;
        this.productos = productos;
        this.parts = parts;
    }

    public void register(Routes routes) {
        routes.get("/productos", this::list, Role.STAFF)
                .get("/productos.csv", this::csv, Role.STAFF)
                .get("/productos/{id}/duplicate", this::duplicate, Role.ADMIN)
                .get("/productos/new", ctx -> form(ctx, null, ProductoInput.blank(), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post("/productos", this::create, Role.ADMIN)
                .get("/productos/{id}/edit", ctx -> {
                    Producto p = load(ctx);
                    form(ctx, p.id(), ProductoInput.of(p, web.page(ctx).format()), FieldErrors.none(), HttpStatus.OK);
                }, Role.ADMIN)
                .post("/productos/{id}", this::update, Role.ADMIN)
                .get("/productos/{id}", this::show, Role.STAFF);
    }

    /** The product's facts, and what other features add (the inventory: stock, movements, reservations). */
    private void show(Context ctx) {
        Producto p = load(ctx);
        ProductoPageParts.Parts given = parts.of(ctx, p);
        web.render(ctx, templates.productosShow(web.page(ctx), p, given.actions(), given.sections()));
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String estado = ctx.queryParam("estado") == null ? "activos" : ctx.queryParam("estado");
        boolean sinPrecio = sinPrecio(ctx);
        boolean bajoMinimo = bajoMinimo(ctx);
        ListSort sort = ListSort.of(ctx, ProductoRepository.SORTS.keySet(), ProductoRepository.DEFAULT_SORT);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, productos.count(me.tenantId(), q, activo(estado), sinPrecio, bajoMinimo));
        web.render(ctx, templates.productosList(web.page(ctx), productos.search(me.tenantId(), q, activo(estado), sinPrecio, bajoMinimo, sort,
                PAGE_SIZE, paging.offset()), q, estado, sinPrecio, bajoMinimo, paging,
                ListLinks.of(ctx, "/productos", sort, "q", "estado", "sin_precio", "bajo_minimo")));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        String estado = ctx.queryParam("estado") == null ? "activos" : ctx.queryParam("estado");
        ListSort sort = ListSort.of(ctx, ProductoRepository.SORTS.keySet(), ProductoRepository.DEFAULT_SORT);
        CsvExport.send(ctx, me.tenant(), "productos", List.of("id", "SKU", m.t("productos.nombre"), m.t("productos.precio"),
                m.t("productos.estado"), m.t("st.stock.disponible"), m.t("st.stock.reservado"), m.t("st.stock.vendido"),
                m.t("st.stock.total"), m.t("st.stock.minimo")),
                csv -> productos.each(me.tenantId(), ctx.queryParam("q"), activo(estado), sinPrecio(ctx), bajoMinimo(ctx), sort, p -> {
                    csv.number(p.id()).text(p.sku()).text(p.nombre()).number(p.precio()).text(m.t(p.activo() ? "status.active" : "status.inactive"))
                            .number(p.stockDisponible()).number(p.stockReservado()).number(p.stockVendido()).number(p.stockTotal())
                            .number(p.stockMinimo());
                    csv.endRow();
                }));
    }

    private static Boolean activo(String estado) {
        return switch (estado) {
            case "inactivos" -> false;
            case "todos" -> null;
            default -> true;
        };
    }

    private static boolean sinPrecio(Context ctx) {
        return "1".equals(ctx.queryParam("sin_precio"));
    }

    private static boolean bajoMinimo(Context ctx) {
        return "1".equals(ctx.queryParam("bajo_minimo"));
    }

    /** The create form filled with a copy; the SKU is left empty because it must be unique and printed labels depend on it. */
    private void duplicate(Context ctx) {
        ProductoInput p = ProductoInput.of(load(ctx), web.page(ctx).format());
        form(ctx, null, new ProductoInput("", Web.messages(ctx).t("list.copy_of", p.nombre()), p.descripcion(), p.precioText(), p.precio(),
                p.activo(), p.stockMinimoText(), p.stockMinimo()), FieldErrors.none(), HttpStatus.OK);
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
        // "Guardar y agregar otro" comes back to an empty form.
        web.redirectWithFlash(ctx, "new".equals(ctx.formParam("next")) ? "/productos/new" : "/productos", Web.messages(ctx).t("productos.created", input.nombre()));
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
