package dev.mostrador.inventory;

import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.Explicacion;
import dev.mostrador.promotions.pricing.LineaCotizada;
import dev.mostrador.promotions.pricing.LineaRegalo;
import dev.mostrador.promotions.pricing.Texto;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A cart priced by the ofertas engine: its paid lines, the gift lines the ofertas hand out, and
 * the lines whose product can no longer be sold (inactive since it was added, id → units). {@code id} is null
 * while the user has no open cart.
 */
public record PricedCart(Long id, Long customerId, String customerName, List<LineaCotizada> lineas, List<LineaRegalo> regalos,
                         Map<Long, Integer> inactivos, Cotizacion quote, Function<Texto, String> texts) {

    public static PricedCart none(Function<Texto, String> texts) {
        return new PricedCart(null, null, null, List.of(), List.of(), Map.of(), null, texts);
    }

    public boolean isEmpty() {
        return lineas.isEmpty() && inactivos.isEmpty();
    }

    public int totalItems() {
        return lineas.stream().mapToInt(LineaCotizada::cantidad).sum();
    }

    public BigDecimal total() {
        return quote == null ? BigDecimal.ZERO : quote.total();
    }

    public BigDecimal subtotal() {
        return quote == null ? BigDecimal.ZERO : quote.subtotal();
    }

    public BigDecimal descuentoTotal() {
        return quote == null ? BigDecimal.ZERO : quote.descuentoTotal();
    }

    /** Why the oferta applied to this product's line, in the tenant's words; null when none did. */
    public String explanation(long productoId, Long ofertaId) {
        if (quote == null || ofertaId == null) return null;
        for (Explicacion e : quote.explicaciones()) {
            if (e.aplicada() && e.ofertaId() == ofertaId && (e.productoId() == null || e.productoId() == productoId)) {
                return texts.apply(e.detalle());
            }
        }
        return null;
    }

    /**
     * Units each product needs from the warehouse: its line plus the gifts handed out with it. An
     * NxM's free units are inside its line (7 units taken, 5 paid), so they are counted there once.
     */
    public Map<Long, Integer> unitsNeeded() {
        Map<Long, Integer> units = new LinkedHashMap<>();
        lineas.forEach(l -> units.merge(l.productoId(), l.cantidad(), Integer::sum));
        regalos.forEach(r -> units.merge(r.productoId(), r.cantidad(), Integer::sum));
        // Sold no more: still asked for, so the checkout names them among what is short.
        inactivos.forEach((id, n) -> units.merge(id, n, Integer::sum));
        return units;
    }
}
