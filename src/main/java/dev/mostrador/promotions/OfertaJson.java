package dev.mostrador.promotions;

import dev.mostrador.platform.web.ZonedDates;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed's response shape (section 3.1), field for field; dates in the tenant's zone. */
public final class OfertaJson {
    private OfertaJson() {}

    public static Map<String, Object> of(Oferta o, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("titulo", o.titulo());
        m.put("descripcion", o.descripcion());
        m.put("desde", ZonedDates.format(o.desde(), zone));
        m.put("hasta", ZonedDates.format(o.hasta(), zone));
        m.put("activa", o.activa());
        m.put("tipo", o.tipo().code());
        m.put("descuento_porcentaje", o.descuentoPorcentaje() == null ? null : o.descuentoPorcentaje().stripTrailingZeros());
        m.put("reglas", o.reglas() == null ? null : o.reglas().stream().map(OfertaJson::regla).toList());
        m.put("compra_cantidad", o.compraCantidad());
        m.put("paga_cantidad", o.pagaCantidad());
        m.put("regalo_producto_id", o.regaloProductoId());
        m.put("regalo_cantidad", o.regaloCantidad());
        m.put("productos", o.productos());
        return m;
    }

    public static List<Map<String, Object>> of(List<Oferta> ofertas, ZoneId zone) {
        return ofertas.stream().map(o -> of(o, zone)).toList();
    }

    private static Map<String, Object> regla(ReglaPrecio r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cantidad", r.cantidad());
        m.put("precio", r.precio());
        return m;
    }
}
