package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/**
 * A priced cart line. Amounts are rounded to the currency's minor unit (scale 0 for CLP, 2 for
 * UYU…), so {@code neto = bruto - descuento} holds exactly as shown.
 *
 * @param precioUnitario list price per unit, rounded like the rest
 * @param bruto          list price × cantidad
 * @param ofertaId       the oferta that priced this line, or null when none applied
 * @param ofertaTitulo   its title, or null
 */
public record LineaCotizada(long productoId, String sku, String nombre, int cantidad,
                            BigDecimal precioUnitario, BigDecimal bruto, Long ofertaId, String ofertaTitulo,
                            BigDecimal descuento, BigDecimal neto) {}
