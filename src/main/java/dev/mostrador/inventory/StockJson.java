package dev.mostrador.inventory;

import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inventory API's JSON: a product's counters with seed 003's names, movements, counts, refusals. */
final class StockJson {
    private StockJson() {}

    static Map<String, Object> stock(Stock s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("producto_id", s.productoId());
        m.put("sku", s.sku());
        m.put("stock_total", s.total());
        m.put("stock_reservado", s.reservado());
        m.put("stock_vendido", s.vendido());
        m.put("stock_disponible", s.disponible());
        m.put("stock", s.disponible());
        m.put("stock_minimo", s.minimo());
        return m;
    }

    static Map<String, Object> movimiento(MovimientoRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("producto_id", r.productoId());
        m.put("sku", r.sku());
        m.put("motivo", r.motivo());
        m.put("delta_total", r.deltaTotal());
        m.put("delta_reservado", r.deltaReservado());
        m.put("delta_vendido", r.deltaVendido());
        m.put("delta_disponible", r.deltaDisponible());
        m.put("documento", r.documentoTipo() == null ? null : Map.of("tipo", r.documentoTipo(), "id", r.documentoId()));
        m.put("actor", r.actor());
        m.put("nota", r.nota());
        m.put("created_at", r.createdAt());
        return m;
    }

    static Map<String, Object> page(StockMovements.Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.rows().stream().map(StockJson::movimiento).toList());
        m.put("next_before", page.nextBefore());
        return m;
    }

    static Map<String, Object> conteo(Conteo c, List<ConteoLinea> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("estado", c.estado());
        m.put("nota", c.nota());
        m.put("created_at", c.createdAt());
        m.put("created_by", c.createdBy());
        m.put("closed_at", c.closedAt());
        m.put("total_lineas", c.lineas());
        if (lines != null) m.put("lineas", lines.stream().map(StockJson::linea).toList());
        return m;
    }

    static Map<String, Object> linea(ConteoLinea l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("producto_id", l.productoId());
        m.put("sku", l.sku());
        m.put("contado", l.contado());
        m.put("en_almacen", l.enAlmacen());
        m.put("en_almacen_ahora", l.enAlmacenAhora());
        m.put("delta", l.delta());
        m.put("movido", l.movido());
        m.put("counted_at", l.countedAt());
        return m;
    }

    /** 404, 409 or 422 with the field at fault and, when several products are concerned, each with its message. */
    static Idempotency.Response refused(StockRefused e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", switch (e.status()) {
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> "validation_failed";
        });
        body.put("message", e.getMessage());
        body.put("fields", Map.of(e.field(), e.getMessage()));
        if (!e.lines().isEmpty()) {
            body.put("lineas", e.lines().stream().map(l -> Map.of("producto_id", l.productoId(), "sku", l.sku(), "message", l.message())).toList());
        }
        return IdempotentApi.response(e.status(), body);
    }

    static Long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
