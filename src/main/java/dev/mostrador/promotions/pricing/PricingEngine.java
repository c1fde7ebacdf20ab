package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices a cart against the active ofertas: pure, stateless and thread-safe, so one instance can
 * serve every request. The caller loads products and active ofertas; nothing here touches the
 * database or the clock.
 *
 * <p>Per line, the one non-regalo oferta that saves the most applies (ties: earliest {@code hasta},
 * then lowest id); regalo ofertas add 0-price gift lines on top. Every oferta gets at least one
 * {@link Explicacion} saying why it did or did not apply.
 */
public final class PricingEngine {

    /** As {@link #quote(List, Map, List, Moneda)} in {@link Moneda#CENTAVOS}. */
    public Cotizacion quote(List<LineaPedido> lines, Map<Long, ProductoCotizable> productos, List<OfertaAplicable> activas) {
        return quote(lines, productos, OfertasActivas.of(activas), Moneda.CENTAVOS);
    }

    /**
     * @param lines     the cart as typed; lines of the same product are merged, quantity 0 is dropped
     * @param productos the catalog by id; must hold every product of the cart (and the gifts)
     * @param activas   ofertas already active now and validated
     * @param moneda    the minor unit every amount is rounded to, and how explanations write amounts
     * @throws IllegalArgumentException naming the product, for an unknown or inactive product or a negative quantity
     */
    public Cotizacion quote(List<LineaPedido> lines, Map<Long, ProductoCotizable> productos, List<OfertaAplicable> activas, Moneda moneda) {
        return quote(lines, productos, OfertasActivas.of(activas), moneda);
    }

    /** As {@link #quote(List, Map, List, Moneda)}, with the active ofertas already indexed by product (once per change of them). */
    public Cotizacion quote(List<LineaPedido> lines, Map<Long, ProductoCotizable> productos, OfertasActivas activas, Moneda moneda) {
        List<CartLine> cart = CartMerger.merge(lines, productos, moneda);
        OfertaIndex index = OfertaIndex.build(cart, activas);
        List<Explicacion> explicaciones = new ArrayList<>();

        List<LineaCotizada> lineas = new ArrayList<>(cart.size());
        BigDecimal subtotal = moneda.cero();
        BigDecimal descuentoTotal = moneda.cero();
        BigDecimal total = moneda.cero();
        for (CartLine line : cart) {
            LineaCotizada priced = LinePricer.price(line, index.candidates(line.productoId()), explicaciones, moneda);
            lineas.add(priced);
            // Sums of rounded line values: the quote adds up exactly as printed.
            subtotal = subtotal.add(priced.bruto());
            descuentoTotal = descuentoTotal.add(priced.descuento());
            total = total.add(priced.neto());
        }
        for (OfertaAplicable oferta : index.withoutLine()) {
            explicaciones.add(Explicacion.sinProductosEnCarrito(oferta));
        }
        List<LineaRegalo> regalos = RegaloResolver.resolve(index.regalos(), productos, explicaciones);
        return new Cotizacion(lineas, regalos, subtotal, descuentoTotal, total, explicaciones);
    }
}
