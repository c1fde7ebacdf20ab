package dev.mostrador.promotions.pricing;

/**
 * Why an oferta did or did not change the quote.
 *
 * @param productoId the line it was weighed on, or null for a cart-level verdict (regalo, no product in cart)
 * @param motivo     a machine code from {@link Motivos}
 * @param detalle    the sentence for the customer or the shop, e.g. "3x2: 7 unidades pagan 5", as a key of the
 *                   message bundles and its arguments: the page or the API writes it in the tenant's language
 */
public record Explicacion(long ofertaId, String titulo, Long productoId, boolean aplicada,
                          String motivo, Texto detalle) {
    // Never shown one by one (the API lists their ids, the page their titles): one shared text each.
    private static final Texto CARRITO_VACIO = new Texto("pricing.x.carrito_vacio");
    private static final Texto NINGUN_PRODUCTO = new Texto("pricing.x.sin_productos");

    public boolean sinProductosEnCarrito() {
        return Motivos.SIN_PRODUCTOS_EN_CARRITO.equals(motivo);
    }

    /** A verdict about the whole cart rather than one of its lines. */
    static Explicacion deCarrito(OfertaAplicable oferta, boolean aplicada, String motivo, Texto detalle) {
        return new Explicacion(oferta.id(), oferta.titulo(), null, aplicada, motivo, detalle);
    }

    /** The oferta found nothing to act on: none of its products was bought, or nothing was. */
    static Explicacion sinProductosEnCarrito(OfertaAplicable oferta) {
        return deCarrito(oferta, false, Motivos.SIN_PRODUCTOS_EN_CARRITO,
                oferta.aplicaATodos() ? CARRITO_VACIO : NINGUN_PRODUCTO);
    }
}
