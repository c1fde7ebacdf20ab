package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.Explicacion;
import dev.mostrador.promotions.pricing.LineaCotizada;
import dev.mostrador.promotions.pricing.LineaRegalo;
import dev.mostrador.promotions.pricing.Texto;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Freezes a quote into an order's lines: copies of the product (SKU, name, list price) and of the
 * oferta (id, title, type, and the quote's explanation written in the shop's language), so later
 * edits of either never change what was sold. Gifts are real lines at 0.
 */
final class OrderLines {
    private OrderLines() {}

    static List<Pedido.Linea> freeze(DSLContext tx, UUID tenantId, Cotizacion quote, Function<Texto, String> texts) {
        Map<Long, String> tipos = tipos(tx, tenantId, quote);
        List<Pedido.Linea> lines = new ArrayList<>();
        for (LineaCotizada l : quote.lineas()) {
            lines.add(new Pedido.Linea(lines.size() + 1, l.productoId(), l.sku(), l.nombre(), l.precioUnitario(), l.cantidad(), l.ofertaId(),
                    l.ofertaTitulo(), l.ofertaId() == null ? null : tipos.get(l.ofertaId()), explanation(quote, l.productoId(), l.ofertaId(), texts),
                    l.descuento(), l.neto(), false));
        }
        for (LineaRegalo r : quote.regalos()) {
            lines.add(new Pedido.Linea(lines.size() + 1, r.productoId(), r.sku(), r.nombre(), BigDecimal.ZERO, r.cantidad(), r.ofertaId(),
                    r.ofertaTitulo(), tipos.get(r.ofertaId()), explanation(quote, r.productoId(), r.ofertaId(), texts),
                    BigDecimal.ZERO, BigDecimal.ZERO, true));
        }
        return lines;
    }

    /** Units each product takes from the warehouse: its lines and its gifts. */
    static Map<Long, Integer> units(List<Pedido.Linea> lines) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        lines.forEach(l -> units.merge(l.productoId(), l.cantidad(), Integer::sum));
        return units;
    }

    /** Why the oferta applied to this product's line (or handed out this gift), in the shop's words; null when none did. */
    private static String explanation(Cotizacion quote, long productoId, Long ofertaId, Function<Texto, String> texts) {
        if (ofertaId == null) return null;
        for (Explicacion e : quote.explicaciones()) {
            if (e.aplicada() && e.ofertaId() == ofertaId && (e.productoId() == null || e.productoId() == productoId)) return texts.apply(e.detalle());
        }
        return null;
    }

    private static Map<Long, String> tipos(DSLContext tx, UUID tenantId, Cotizacion quote) {
        List<Long> ids = new ArrayList<>();
        quote.lineas().forEach(l -> { if (l.ofertaId() != null) ids.add(l.ofertaId()); });
        quote.regalos().forEach(r -> ids.add(r.ofertaId()));
        Map<Long, String> tipos = new HashMap<>();
        if (ids.isEmpty()) return tipos;
        Jdbc.list(tx, "SELECT id, tipo FROM public.ofertas WHERE tenant_id = ? AND id = ANY(?)", r -> tipos.put(r.getLong(1), r.getString(2)),
                tenantId, Jdbc.array("bigint", ids.toArray(Long[]::new)));
        return tipos;
    }
}
