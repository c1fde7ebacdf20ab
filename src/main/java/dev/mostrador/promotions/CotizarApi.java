package dev.mostrador.promotions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
import dev.mostrador.promotions.pricing.Motivos;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
                Cotizacion quote = result.cotizacion();
                Web.writeJson(ctx, HttpStatus.OK, g -> write(g, quote));
                return;
            }
        }
        Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors);
    }

    /**
     * The quote, written field by field: a 50-line cart against 500 active ofertas carries about
     * 500 explanations, and a map per explanation cost more than writing it out. The ofertas with
     * no product in the cart (about 440 more) are only listed by id under
     * {@code sin_productos_en_carrito}: each would say the same sentence.
     */
    static void write(JsonGenerator g, Cotizacion c) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("lineas");
        for (LineaCotizada l : c.lineas()) {
            g.writeStartObject();
            g.writeNumberField("producto_id", l.productoId());
            string(g, "sku", l.sku());
            string(g, "nombre", l.nombre());
            g.writeNumberField("cantidad", l.cantidad());
            number(g, "precio_unitario", l.precioUnitario());
            number(g, "bruto", l.bruto());
            number(g, "oferta_id", l.ofertaId());
            string(g, "oferta_titulo", l.ofertaTitulo());
            number(g, "descuento", l.descuento());
            number(g, "neto", l.neto());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("regalos");
        // A gift's 0 at the quote's scale (the currency's minor unit): "0" in CLP, "0.00" in UYU.
        BigDecimal giftPrice = c.subtotal().multiply(BigDecimal.ZERO);
        for (LineaRegalo r : c.regalos()) {
            g.writeStartObject();
            g.writeNumberField("producto_id", r.productoId());
            string(g, "sku", r.sku());
            string(g, "nombre", r.nombre());
            g.writeNumberField("cantidad", r.cantidad());
            number(g, "precio", giftPrice);
            g.writeNumberField("oferta_id", r.ofertaId());
            string(g, "oferta_titulo", r.ofertaTitulo());
            g.writeEndObject();
        }
        g.writeEndArray();
        number(g, "subtotal", c.subtotal());
        number(g, "descuento_total", c.descuentoTotal());
        number(g, "total", c.total());
        g.writeArrayFieldStart("explicaciones");
        // ~500 explanations of a few dozen ofertas: names, titles and reasons are encoded once per
        // quote (Jackson's pre-quoted UTF-8), not once per explanation.
        Map<String, SerializedString> encoded = new HashMap<>();
        for (Explicacion e : c.explicacionesDelCarrito()) {
            g.writeStartObject();
            g.writeFieldName(OFERTA_ID);
            g.writeNumber(e.ofertaId());
            g.writeFieldName(TITULO);
            text(g, e.titulo(), encoded);
            g.writeFieldName(PRODUCTO_ID);
            value(g, e.productoId());
            g.writeFieldName(APLICADA);
            g.writeBoolean(e.aplicada());
            g.writeFieldName(MOTIVO);
            text(g, e.motivo(), encoded);
            string(g, "detalle", e.detalle());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Motivos.SIN_PRODUCTOS_EN_CARRITO);
        for (Explicacion e : c.sinProductosEnCarrito()) g.writeNumber(e.ofertaId());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static final SerializedString OFERTA_ID = new SerializedString("oferta_id");
    private static final SerializedString TITULO = new SerializedString("titulo");
    private static final SerializedString PRODUCTO_ID = new SerializedString("producto_id");
    private static final SerializedString APLICADA = new SerializedString("aplicada");
    private static final SerializedString MOTIVO = new SerializedString("motivo");

    private static void text(JsonGenerator g, String value, Map<String, SerializedString> encoded) throws IOException {
        if (value == null) g.writeNull();
        else g.writeString(encoded.computeIfAbsent(value, SerializedString::new));
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeString(value);
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        g.writeFieldName(name);
        value(g, value);
    }

    private static void value(JsonGenerator g, Long value) throws IOException {
        if (value == null) g.writeNull();
        else g.writeNumber(value);
    }

    private static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeNumber(value);
    }
}
