package dev.mostrador.promotions.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds the gift lines of regalo ofertas. Gifts stack on top of line discounts and on each other:
 * each triggered regalo adds its own 0-price line, even for the same gift product, so every gift
 * stays traceable to the oferta that gave it.
 */
final class RegaloResolver {

    private RegaloResolver() {}

    /** Returns the gift lines and appends one cart-level explanation per regalo oferta. */
    static List<LineaRegalo> resolve(List<OfertaIndex.RegaloCandidate> regalos, Map<Long, ProductoCotizable> productos,
                                     List<Explicacion> explicaciones) {
        List<LineaRegalo> gifts = new ArrayList<>();
        for (OfertaIndex.RegaloCandidate candidate : regalos) {
            OfertaAplicable oferta = candidate.oferta();
            Long giftId = oferta.regaloProductoId();
            if (giftId == null || oferta.regaloCantidad() <= 0) {
                explicaciones.add(Explicacion.deCarrito(oferta, false, Motivos.OFERTA_INVALIDA,
                        new Texto("pricing.x.invalida.regalo")));
                continue;
            }
            if (!candidate.enCarrito()) {
                explicaciones.add(Explicacion.sinProductosEnCarrito(oferta));
                continue;
            }
            ProductoCotizable gift = productos.get(giftId);
            if (gift == null || !gift.activo()) {
                // The id as a string: it is a code, not a count to write with the locale's digits.
                Texto why = gift == null ? new Texto("pricing.x.regalo_no_existe", giftId.toString())
                        : new Texto("pricing.x.regalo_inactivo", giftId.toString(), gift.nombre());
                explicaciones.add(Explicacion.deCarrito(oferta, false, Motivos.REGALO_INACTIVO, why));
                continue;
            }
            // A gift already bought stays a paid line; the gift is a separate 0-price line on top.
            gifts.add(new LineaRegalo(gift.id(), gift.sku(), gift.nombre(), oferta.regaloCantidad(),
                    oferta.id(), oferta.titulo()));
            explicaciones.add(Explicacion.deCarrito(oferta, true, Motivos.APLICADA,
                    new Texto("pricing.x.regalo", oferta.regaloCantidad(), gift.nombre())));
        }
        return gifts;
    }
}
