package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.Explicacion;
import dev.mostrador.promotions.pricing.LineaCotizada;
import dev.mostrador.promotions.pricing.LineaPedido;
import dev.mostrador.promotions.pricing.LineaRegalo;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/ofertas/cotizar: {"lineas":[{"producto_id":1,"cantidad":3}]} → the explained quote. */
public final class CotizarApi {
    private final Cotizador cotizador;

    public CotizarApi(Cotizador cotizador) {
        this.cotizador = cotizador;
    }

    public void register(Routes routes) {
        routes.post("/api/ofertas/cotizar", this::quote, Role.STAFF);
    }

    private void quote(Context ctx) {
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineaPedido> lines = new ArrayList<>();
        JsonNode lineas = json.node().get("lineas");
        if (lineas == null || !lineas.isArray() || lineas.isEmpty()) {
            errors.put("lineas", "must be a non-empty array of {producto_id, cantidad}");
        } else if (lineas.size() > Cotizador.MAX_LINES) {
            errors.put("lineas", "at most " + Cotizador.MAX_LINES + " lines");
        } else {
            for (int i = 0; i < lineas.size(); i++) {
                JsonNode l = lineas.get(i);
                JsonNode id = l.get("producto_id");
                JsonNode qty = l.get("cantidad");
                if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
                    errors.put("lineas[" + i + "].producto_id", "must be a product id");
                } else if (qty == null || !qty.isIntegralNumber() || !qty.canConvertToInt() || qty.asInt() < 0 || qty.asInt() > 1_000_000) {
                    errors.put("lineas[" + i + "].cantidad", "must be a whole number from 0 to 1000000");
                } else {
                    lines.add(new LineaPedido(id.asLong(), qty.asInt()));
                }
            }
        }
        if (errors.isEmpty()) {
            Cotizador.Result result = cotizador.quote(Web.user(ctx).tenant(), lines);
            result.productosInvalidos().forEach((i, id) -> errors.put("lineas[" + i + "].producto_id", "no active product " + id));
            if (errors.isEmpty()) {
                Web.json(ctx, HttpStatus.OK, json(result.cotizacion()));
                return;
            }
        }
        Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors);
    }

    static Map<String, Object> json(Cotizacion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineas", c.lineas().stream().map(CotizarApi::linea).toList());
        m.put("regalos", c.regalos().stream().map(CotizarApi::regalo).toList());
        m.put("subtotal", c.subtotal());
        m.put("descuento_total", c.descuentoTotal());
        m.put("total", c.total());
        m.put("explicaciones", c.explicaciones().stream().map(CotizarApi::explicacion).toList());
        return m;
    }

    private static Map<String, Object> linea(LineaCotizada l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("producto_id", l.productoId());
        m.put("sku", l.sku());
        m.put("nombre", l.nombre());
        m.put("cantidad", l.cantidad());
        m.put("precio_unitario", l.precioUnitario());
        m.put("bruto", l.bruto());
        m.put("oferta_id", l.ofertaId());
        m.put("oferta_titulo", l.ofertaTitulo());
        m.put("descuento", l.descuento());
        m.put("neto", l.neto());
        return m;
    }

    private static Map<String, Object> regalo(LineaRegalo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("producto_id", r.productoId());
        m.put("sku", r.sku());
        m.put("nombre", r.nombre());
        m.put("cantidad", r.cantidad());
        m.put("precio", java.math.BigDecimal.ZERO.setScale(2));
        m.put("oferta_id", r.ofertaId());
        m.put("oferta_titulo", r.ofertaTitulo());
        return m;
    }

    private static Map<String, Object> explicacion(Explicacion e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("oferta_id", e.ofertaId());
        m.put("titulo", e.titulo());
        m.put("producto_id", e.productoId());
        m.put("aplicada", e.aplicada());
        m.put("motivo", e.motivo());
        m.put("detalle", e.detalle());
        return m;
    }
}
