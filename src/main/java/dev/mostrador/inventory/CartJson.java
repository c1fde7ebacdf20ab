package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.promotions.pricing.LineaCotizada;
import dev.mostrador.promotions.pricing.LineaRegalo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cart and checkout as seed 003's API writes them, and the reading of its request fields. */
final class CartJson {
    private CartJson() {}

    static Map<String, Object> cart(PricedCart c) {
        List<Object> items = new ArrayList<>();
        for (LineaCotizada l : c.lineas()) {
            Map<String, Object> item = line(l.productoId(), l.sku(), l.nombre(), l.cantidad());
            item.put("unit_price", l.precioUnitario());
            item.put("subtotal", l.bruto());
            item.put("oferta", l.ofertaId() == null ? null : oferta(l.ofertaId(), l.ofertaTitulo(), c.explanation(l.productoId(), l.ofertaId())));
            item.put("discount", l.descuento());
            item.put("net", l.neto());
            item.put("gift", false);
            items.add(item);
        }
        for (LineaRegalo r : c.regalos()) {
            Map<String, Object> item = line(r.productoId(), r.sku(), r.nombre(), r.cantidad());
            item.put("unit_price", c.total().multiply(java.math.BigDecimal.ZERO));
            item.put("subtotal", c.total().multiply(java.math.BigDecimal.ZERO));
            item.put("oferta", oferta(r.ofertaId(), r.ofertaTitulo(), c.explanation(r.productoId(), r.ofertaId())));
            item.put("discount", c.total().multiply(java.math.BigDecimal.ZERO));
            item.put("net", c.total().multiply(java.math.BigDecimal.ZERO));
            item.put("gift", true);
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("customer", c.customerId() == null ? null : Map.of("id", c.customerId(), "name", c.customerName()));
        body.put("items", items);
        body.put("inactive_product_ids", List.copyOf(c.inactivos().keySet()));
        body.put("subtotal", c.subtotal());
        body.put("discount_total", c.descuentoTotal());
        body.put("total", c.total());
        body.put("total_items", c.totalItems());
        return body;
    }

    static Map<String, Object> checkout(CartService.Checkout done) {
        List<Object> reservas = done.reservas().stream().<Object>map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("producto", r.producto());
            m.put("product_id", r.productoId());
            m.put("sku", r.sku());
            m.put("cantidad", r.cantidad());
            m.put("expires_at", r.expiresAt().toInstant().toString());
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Stock reservado exitosamente");
        body.put("carrito_id", done.carritoId());
        body.put("reservas", reservas);
        body.put("total_items", done.totalItems());
        body.put("ttl_minutos", done.ttlMinutos());
        return body;
    }

    static Map<String, Object> shortage(NotEnoughStock e) {
        List<Object> lines = e.shortages().stream().<Object>map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product_id", s.productoId());
            m.put("sku", s.sku());
            m.put("producto", s.nombre());
            m.put("pedido", s.pedido());
            m.put("disponible", s.disponible());
            return m;
        }).toList();
        String message = "Stock insuficiente: " + String.join("; ", e.shortages().stream()
                .map(s -> s.nombre() + " (" + s.sku() + "): pedido " + s.pedido() + ", disponible " + s.disponible()).toList());
        return Map.of("error", "not_enough_stock", "message", message, "lines", lines);
    }

    /** A whole positive number (an id or a quantity), or the message naming what is wrong. */
    static long whole(JsonNode body, String field, long max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) throw CartRefused.invalid(field, "is required");
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > max) {
            throw CartRefused.invalid(field, "must be a whole number from 1 to " + max);
        }
        return n.asLong();
    }

    private static Map<String, Object> line(long productId, String sku, String name, int quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product_id", productId);
        item.put("sku", sku);
        item.put("name", name);
        item.put("quantity", quantity);
        return item;
    }

    private static Map<String, Object> oferta(long id, String title, String explanation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("explanation", explanation);
        return m;
    }
}
