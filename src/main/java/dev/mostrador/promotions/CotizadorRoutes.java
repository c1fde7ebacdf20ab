package dev.mostrador.promotions;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.LineaPedido;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** "Cotizador": staff build a cart by SKU and see the quote explained line by line. A GET form: it changes nothing. */
public final class CotizadorRoutes {
    private final Web web;
    private final Templates templates;
    private final ProductoRepository productos;
    private final Cotizador cotizador;

    public CotizadorRoutes(Web web, Templates templates, ProductoRepository productos, Cotizador cotizador) {
        this.web = web;
        this.templates = templates;
        this.productos = productos;
        this.cotizador = cotizador;
    }

    /** A cart row as typed, with what is wrong with each of its two fields. */
    public record Fila(String sku, String cantidad, String skuError, String cantidadError) {
        public boolean invalid() {
            return skuError != null || cantidadError != null;
        }
    }

    public void register(Routes routes) {
        routes.get("/cotizador", this::page, Role.STAFF);
    }

    private void page(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        List<String> skus = ctx.queryParams("sku");
        List<String> cantidades = ctx.queryParams("cantidad");
        Map<String, Producto> bySku = productos.findBySkus(me.tenantId(),
                skus.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        List<Fila> filas = new ArrayList<>();
        List<LineaPedido> lines = new ArrayList<>();
        boolean invalid = false;
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i).trim();
            String qty = i < cantidades.size() ? cantidades.get(i).trim() : "";
            if (sku.isEmpty() && qty.isEmpty()) continue;
            Producto p = bySku.get(sku.toLowerCase());
            Integer cantidad = parse(qty.isEmpty() ? "1" : qty);
            String skuError = sku.isEmpty() ? m.t("cotizador.sku_required")
                    : p == null || !p.activo() ? m.t("cotizador.sku_unknown", sku) : null;
            String cantidadError = cantidad == null || cantidad < 0 || cantidad > 1_000_000 ? m.t("cotizador.cantidad_invalid") : null;
            Fila fila = new Fila(sku, qty.isEmpty() ? "1" : qty, skuError, cantidadError);
            if (!fila.invalid()) lines.add(new LineaPedido(p.id(), cantidad));
            invalid |= fila.invalid();
            filas.add(fila);
        }
        while (filas.size() < 5) filas.add(new Fila("", "", null, null));
        Cotizacion quote = null;
        if (!invalid && !lines.isEmpty()) quote = cotizador.quote(me.tenant(), lines).cotizacion();
        web.render(ctx, invalid ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK,
                templates.cotizadorIndex(web.page(ctx), filas, quote, invalid));
    }

    private static Integer parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
