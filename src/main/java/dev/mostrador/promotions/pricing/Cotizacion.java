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
}
