package dev.mostrador.promotions;

import dev.mostrador.platform.web.ZonedDates;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.JsonInput;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An oferta as sent by the admin form or the JSON API, kept as text so a 422 can show exactly
 * what was sent. {@link OfertaValidator} turns it into a {@link ValidOferta} or field errors.
 */
public record OfertaInput(String titulo, String descripcion, String desde, String hasta, boolean activa, String tipo,
                          String descuentoPorcentaje, List<Regla> reglas, String compraCantidad, String pagaCantidad,
                          String regaloProductoId, String regaloCantidad, List<String> productos, String productosSkus,
                          List<String> typeErrors) {

    /** One row of the precio_cantidad table, as typed. */
    public record Regla(String cantidad, String precio) {}

    public static OfertaInput blank() {
        return new OfertaInput("", "", "", "", true, "porcentaje", "", List.of(), "", "", "", "1", List.of(), "", List.of());
    }

    public static OfertaInput fromForm(Context ctx) {
        List<String> cantidades = ctx.formParams("reglas_cantidad");
        List<String> precios = ctx.formParams("reglas_precio");
        List<Regla> reglas = new ArrayList<>();
        for (int i = 0; i < Math.max(cantidades.size(), precios.size()); i++) {
            String c = i < cantidades.size() ? cantidades.get(i).trim() : "";
            String p = i < precios.size() ? precios.get(i).trim() : "";
            if (!c.isEmpty() || !p.isEmpty()) reglas.add(new Regla(c, p));
        }
        return new OfertaInput(form(ctx, "titulo"), form(ctx, "descripcion"), form(ctx, "desde"), form(ctx, "hasta"),
                "true".equals(ctx.formParam("activa")), form(ctx, "tipo"), form(ctx, "descuento_porcentaje"), reglas,
                form(ctx, "compra_cantidad"), form(ctx, "paga_cantidad"), form(ctx, "regalo_producto_id"),
                form(ctx, "regalo_cantidad"), ctx.formParams("productos"), form(ctx, "productos_skus"), List.of());
    }

    /** From the seed's JSON contract; a field of the wrong JSON type is reported by name. */
    public static OfertaInput fromJson(JsonInput json) {
        JsonNode body = json.node();
        List<String> typeErrors = new ArrayList<>();
        List<Regla> reglas = new ArrayList<>();
        JsonNode r = body.get("reglas");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) typeErrors.add("reglas");
            else for (JsonNode rule : r) {
                if (!rule.isObject()) {
                    typeErrors.add("reglas");
                    break;
                }
                reglas.add(new Regla(scalar(rule.get("cantidad")), scalar(rule.get("precio"))));
            }
        }
        List<String> productos = new ArrayList<>();
        JsonNode p = body.get("productos");
        if (p != null && !p.isNull()) {
            if (!p.isArray()) typeErrors.add("productos");
            else for (JsonNode item : p) {
                JsonNode id = item.isObject() ? (item.has("producto_id") ? item.get("producto_id") : item.get("id")) : item;
                productos.add(scalar(id));
            }
        }
        JsonNode activa = body.get("activa");
        if (activa != null && !activa.isNull() && !activa.isBoolean()) typeErrors.add("activa");
        for (String text : List.of("titulo", "descripcion", "desde", "hasta", "tipo")) {
            JsonNode n = body.get(text);
            if (n != null && !n.isNull() && !n.isTextual()) typeErrors.add(text);
        }
        String tipo = scalar(body.get("tipo"));
        return new OfertaInput(scalar(body.get("titulo")), scalar(body.get("descripcion")), scalar(body.get("desde")),
                scalar(body.get("hasta")), activa == null || activa.isNull() || activa.asBoolean(),
                tipo.isEmpty() ? "porcentaje" : tipo, scalar(body.get("descuento_porcentaje")), reglas,
                scalar(body.get("compra_cantidad")), scalar(body.get("paga_cantidad")), scalar(body.get("regalo_producto_id")),
                body.hasNonNull("regalo_cantidad") ? scalar(body.get("regalo_cantidad")) : "1", productos, "", typeErrors);
    }

    /** The form shows what a stored oferta holds, tier prices as the tenant writes money ("990", "1.990,50"). */
    public static OfertaInput of(Oferta o, java.time.ZoneId zone, String skus, Format money) {
        List<Regla> reglas = o.reglas() == null ? List.of()
                : o.reglas().stream().map(x -> new Regla(String.valueOf(x.cantidad()), money.amount(x.precio()))).toList();
        return new OfertaInput(o.titulo(), o.descripcion() == null ? "" : o.descripcion(),
                ZonedDates.formInput(o.desde(), zone), ZonedDates.formInput(o.hasta(), zone), o.activa(), o.tipo().code(),
                o.descuentoPorcentaje() == null ? "" : o.descuentoPorcentaje().stripTrailingZeros().toPlainString(), reglas,
                text(o.compraCantidad()), text(o.pagaCantidad()), text(o.regaloProductoId()), String.valueOf(o.regaloCantidad()),
                o.productos().stream().map(String::valueOf).toList(), skus, List.of());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.trim();
    }

    /** JSON scalars as the text a person would have typed; objects and arrays become "" + a type error later. */
    private static String scalar(JsonNode n) {
        if (n == null || n.isNull()) return "";
        // A number out of range keeps its short scientific form ("1E+999999999"), which no field
        // accepts: written out plainly it would be a billion digits.
        if (n.isNumber()) {
            BigDecimal value = n.decimalValue();
            return JsonInput.outOfRange(value) == null ? value.toPlainString() : value.toString();
        }
        if (n.isValueNode()) return n.asText().trim();
        return "\u0000"; // not a scalar: never parses as a number or a date
    }
}
