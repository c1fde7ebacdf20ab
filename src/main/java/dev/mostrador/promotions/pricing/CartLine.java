package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/**
 * A merged cart line: one product, its total quantity (> 0) and the list amount, both exact
 * (what discounts are computed from) and rounded to the currency's minor unit (what the quote shows).
 */
record CartLine(ProductoCotizable producto, int cantidad, BigDecimal brutoExacto, BigDecimal bruto) {

    static CartLine of(ProductoCotizable producto, int cantidad, Moneda moneda) {
        BigDecimal exact = producto.precio().multiply(BigDecimal.valueOf(cantidad));
        return new CartLine(producto, cantidad, exact, moneda.redondear(exact));
    }

    long productoId() {
        return producto.id();
    }
}
