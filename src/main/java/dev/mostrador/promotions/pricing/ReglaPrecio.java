package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/** One tier of a precio_cantidad oferta: from {@code cantidad} units on, each unit costs {@code precio}. */
public record ReglaPrecio(int cantidad, BigDecimal precio) {}
