package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/**
 * A priced cart line. Amounts are at scale 2; {@code neto = bruto - descuento}.
 *
 * @param precioUnitario list price per unit
 * @param bruto          list price × cantidad
 * @param ofertaId       the oferta that priced this line, or null when none applied
 * @param ofertaTitulo   its title, or null
 */
public record LineaCotizada(long productoId, String sku, String nombre, int cantidad,
                            BigDecimal precioUnitario, BigDecimal bruto, Long ofertaId, String ofertaTitulo,
                            BigDecimal descuento, BigDecimal neto) {}
