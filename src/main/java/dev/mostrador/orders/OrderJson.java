package dev.mostrador.orders;

import dev.mostrador.inventory.NotEnoughStock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An order as the API writes it: snake_case, money as numbers, the oferta's frozen copy on each line. */
final class OrderJson {
    private OrderJson() {}

    static Map<String, Object> order(Pedido p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("estado", p.estado());
        m.put("customer", p.customerId() == null ? null : ref(p.customerId(), p.customerName()));
        m.put("taken_by", ref(p.userId(), p.userName()));
        m.put("repartidor", p.repartidorId() == null ? null : ref(p.repartidorId(), p.repartidorName()));
        m.put("carrito_id", p.carritoId());
        m.put("direccion", p.direccion());
        m.put("telefono", p.telefono());
        m.put("nota", p.nota());
        m.put("lines", p.lineas().stream().map(OrderJson::line).toList());
        m.put("subtotal", p.subtotal());
        m.put("discount", p.descuento());
        m.put("total", p.total());
        m.put("currency", p.moneda());
        m.put("lumis", Map.of("credited", p.lumisAcreditados(), "not_given_back", p.lumisNoDevueltos()));
        m.put("created_at", p.createdAt());
        m.put("delivered_at", p.entregadoAt());
        m.put("events", p.eventos().stream().map(OrderJson::event).toList());
        return m;
    }

    private static Map<String, Object> line(Pedido.Linea l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", l.linea());
        m.put("product_id", l.productoId());
        m.put("sku", l.sku());
        m.put("name", l.nombre());
        m.put("unit_price", l.precioLista());
        m.put("quantity", l.cantidad());
        if (l.ofertaId() == null) {
            m.put("oferta", null);
        } else {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", l.ofertaId());
            o.put("title", l.ofertaTitulo());
            o.put("type", l.ofertaTipo());
            o.put("explanation", l.explicacion());
            m.put("oferta", o);
        }
        m.put("discount", l.descuento());
        m.put("net", l.neto());
        m.put("gift", l.regalo());
        return m;
    }

    private static Map<String, Object> event(Pedido.Evento e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", e.desde());
        m.put("to", e.hacia());
        m.put("user", e.userId() == null ? null : ref(e.userId(), e.userName()));
        m.put("at", e.createdAt());
        return m;
    }

    private static Map<String, Object> ref(long id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    static Map<String, Object> refused(OrderRefused e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.error);
        m.put("message", e.getMessage());
        if (!e.fields.isEmpty()) m.put("fields", e.fields);
        return m;
    }

    static Map<String, Object> shortage(NotEnoughStock e) {
        List<Object> lines = e.shortages().stream().<Object>map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product_id", s.productoId());
            m.put("sku", s.sku());
            m.put("name", s.nombre());
            m.put("requested", s.pedido());
            m.put("available", s.disponible());
            return m;
        }).toList();
        String message = "not enough stock: " + String.join("; ", e.shortages().stream()
                .map(s -> s.nombre() + " (" + s.sku() + "): requested " + s.pedido() + ", available " + s.disponible()).toList());
        return Map.of("error", "not_enough_stock", "message", message, "lines", lines);
    }
}
