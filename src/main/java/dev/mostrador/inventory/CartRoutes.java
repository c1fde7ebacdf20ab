package dev.mostrador.inventory;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.util.List;

/**
 * "Carrito" (/carrito): staff build their cart by SKU, pick a customer, see the ofertas apply and
 * reserve the stock. Plain forms (post/redirect/get); a refused checkout shows what is short (409).
 */
public final class CartRoutes {
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final CartService carts;
    private final ActiveOfertaCache ofertas;

    public CartRoutes(DSLContext dsl, Web web, Templates templates, CartService carts, ActiveOfertaCache ofertas) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.carts = carts;
        this.ofertas = ofertas;
    }

    /** What the add form held, kept when it is refused. */
    public record AddForm(String sku, String cantidad) {
        public static final AddForm EMPTY = new AddForm("", "1");
    }

    public void register(Routes routes) {
        routes.get("/carrito", ctx -> show(ctx, AddForm.EMPTY, FieldErrors.none(), List.of(), HttpStatus.OK), Role.STAFF)
                .post("/carrito/agregar", this::add, Role.STAFF)
                .post("/carrito/linea", ctx -> change(ctx, false), Role.STAFF)
                .post("/carrito/quitar", ctx -> change(ctx, true), Role.STAFF)
                .post("/carrito/vaciar", ctx -> done(ctx, () -> carts.empty(dsl, Web.user(ctx)), "cart.emptied"), Role.STAFF)
                .post("/carrito/cliente", this::customer, Role.STAFF)
                .post("/carrito/reservar", this::reserve, Role.STAFF);
    }

    private void add(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        AddForm form = new AddForm(trim(ctx.formParam("sku")), trim(ctx.formParam("cantidad")));
        FieldErrors errors = new FieldErrors();
        Producto p = form.sku().isEmpty() ? null : new ProductoRepository(dsl).findBySkus(me.tenantId(), List.of(form.sku()))
                .get(form.sku().toLowerCase());
        if (form.sku().isEmpty()) errors.add("sku", m.t("cart.sku_required"));
        else if (p == null) errors.add("sku", m.t("cart.sku_unknown", form.sku()));
        else if (!p.activo()) errors.add("sku", m.t("cart.sku_inactive", form.sku()));
        Integer qty = parse(form.cantidad());
        if (qty == null || qty < 1 || qty > CartService.MAX_UNITS) errors.add("cantidad", m.t("cart.quantity_invalid"));
        if (errors.isEmpty()) {
            try {
                carts.add(dsl, me, p.id(), qty);
                web.redirectWithFlash(ctx, "/carrito", m.t("cart.added", p.sku()));
                return;
            } catch (CartRefused e) {
                errors.add("cantidad", m.t("cart.quantity_invalid"));
            }
        }
        show(ctx, form, errors, List.of(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void change(Context ctx, boolean remove) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Long product = parseLong(ctx.formParam("producto_id"));
        Integer qty = parse(trim(ctx.formParam("cantidad")));
        if (!remove && (qty == null || qty < 1 || qty > CartService.MAX_UNITS)) {
            show(ctx, AddForm.EMPTY, new FieldErrors().add("linea-" + product, m.t("cart.quantity_invalid")), List.of(), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (product == null) throw new io.javalin.http.NotFoundResponse();
        done(ctx, () -> {
            if (remove) carts.remove(dsl, me, product);
            else carts.change(dsl, me, product, qty);
        }, remove ? "cart.removed" : "cart.changed");
    }

    private void customer(Context ctx) {
        String raw = trim(ctx.formParam("customer_id"));
        Long id = raw.isEmpty() ? null : parseLong(raw);
        if (!raw.isEmpty() && id == null) throw new io.javalin.http.NotFoundResponse();
        done(ctx, () -> carts.assignCustomer(dsl, Web.user(ctx), id), "cart.customer_saved");
    }

    private void reserve(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ofertas.now(me.tenant());
        try {
            CartService.Checkout done = carts.checkout(dsl, me, m);
            web.redirectWithFlash(ctx, "/inventario/reservas?carrito=" + done.carritoId(),
                    m.t("cart.reserved", done.totalItems(), done.ttlMinutos()));
        } catch (NotEnoughStock e) {
            show(ctx, AddForm.EMPTY, new FieldErrors().add("reservar", m.t("cart.not_enough_stock")), e.shortages(), HttpStatus.CONFLICT);
        } catch (CartRefused e) {
            show(ctx, AddForm.EMPTY, new FieldErrors().add("reservar", m.t(e.status == 409 ? "cart.already_checked_out" : "cart.empty_checkout")),
                    List.of(), HttpStatus.forStatus(e.status));
        }
    }

    /** Runs a change and redirects with its message; a refused one (a line not in the cart, an unknown customer) answers 404. */
    private void done(Context ctx, Runnable change, String messageKey) {
        try {
            change.run();
        } catch (CartRefused e) {
            if (e.status == 404) throw new io.javalin.http.NotFoundResponse();
            show(ctx, AddForm.EMPTY, new FieldErrors().add("cart", Web.messages(ctx).t("cart.quantity_invalid")), List.of(), HttpStatus.forStatus(e.status));
            return;
        }
        web.redirectWithFlash(ctx, "/carrito", Web.messages(ctx).t(messageKey));
    }

    private void show(Context ctx, AddForm form, FieldErrors errors, List<NotEnoughStock.Shortage> shortages, HttpStatus status) {
        CurrentUser me = Web.user(ctx);
        PricedCart cart = carts.view(dsl, me, Web.messages(ctx));
        List<Customer> customers = new CustomerRepository(dsl).search(me.tenantId(), null, 200, 0);
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, status, templates.inventoryCarrito(web.page(ctx), cart, form, errors, shortages, customers));
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static Integer parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
