package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * An oferta as the pricing engine sees it: already active now and already validated elsewhere.
 * Only the fields of its {@link #tipo()} matter; the others may be null.
 *
 * @param descuentoPorcentaje porcentaje: 0 &lt; x ≤ 100
 * @param reglas              precio_cantidad tiers, in any order
 * @param compraCantidad      nxm: N units bought ...
 * @param pagaCantidad        nxm: ... of which M are paid
 * @param regaloProductoId    regalo: the gift product
 * @param regaloCantidad      regalo: how many gift units
 * @param hasta               end of validity; the earlier one wins a tie between equal savings
 * @param productos           products it applies to; empty means every product
 */
public record OfertaAplicable(long id, String titulo, OfertaTipo tipo, BigDecimal descuentoPorcentaje,
                     List<ReglaPrecio> reglas, Integer compraCantidad, Integer pagaCantidad,
                     Long regaloProductoId, int regaloCantidad, OffsetDateTime hasta, Set<Long> productos) {

    public OfertaAplicable {
        // Seed 000 crashed on productos = None; null collections mean "none given", never an error here.
        reglas = reglas == null ? List.of() : List.copyOf(reglas);
        productos = productos == null ? Set.of() : Set.copyOf(productos);
    }

    /** True when the oferta is not restricted to a product list. */
    public boolean aplicaATodos() {
        return productos.isEmpty();
    }
}
