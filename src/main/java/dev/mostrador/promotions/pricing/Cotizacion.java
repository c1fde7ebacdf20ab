package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The quote for a cart. Totals are sums of the already rounded line values, so what the
 * customer adds up on screen is exactly what is charged.
 *
 * @param subtotal       sum of the lines' bruto (list price × quantity)
 * @param descuentoTotal sum of the lines' descuento
 * @param total          sum of the lines' neto
 */
public record Cotizacion(List<LineaCotizada> lineas, List<LineaRegalo> regalos, BigDecimal subtotal,
                         BigDecimal descuentoTotal, BigDecimal total, List<Explicacion> explicaciones) {

    public Cotizacion {
        lineas = List.copyOf(lineas);
        regalos = List.copyOf(regalos);
        explicaciones = List.copyOf(explicaciones);
    }

    /** The explanations of ofertas that had something in this cart to weigh: what a reader wants to see. */
    public List<Explicacion> explicacionesDelCarrito() {
        return explicaciones.stream().filter(e -> !e.sinProductosEnCarrito()).toList();
    }

    /**
     * The active ofertas with none of their products in the cart. Against a tenant's hundreds of
     * ofertas they are most of the explanations, all saying the same thing, so readers get them
     * as one group (ids in the API, a folded list on the page).
     */
    public List<Explicacion> sinProductosEnCarrito() {
        return explicaciones.stream().filter(Explicacion::sinProductosEnCarrito).toList();
    }
}
