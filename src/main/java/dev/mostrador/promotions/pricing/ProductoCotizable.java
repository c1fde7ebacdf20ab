package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/** A catalog product as priced: {@code precio} is the list price per unit. */
public record ProductoCotizable(long id, String sku, String nombre, BigDecimal precio, boolean activo) {}
