package dev.mostrador.promotions.pricing;

/**
 * A free gift line added by a regalo oferta. It costs 0 and is kept apart from the paid lines,
 * so it never changes the subtotal, the discount or the total.
 */
public record LineaRegalo(long productoId, String sku, String nombre, int cantidad,
                          long ofertaId, String ofertaTitulo) {}
