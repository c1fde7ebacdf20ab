package dev.mostrador.promotions.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Built once per quote from {@link OfertasActivas}: for each product in the cart, the non-regalo
 * ofertas that may price it, read from the per-product index (so a quote costs about its own
 * lines, not the number of active ofertas); then the ofertas that found no line and the regalos.
 * Lists keep the order of the active ofertas, which keeps explanations deterministic.
 */
final class OfertaIndex {

    /** A regalo oferta and whether the cart triggers it (holds one of its products, or anything at all). */
    record RegaloCandidate(OfertaAplicable oferta, boolean enCarrito) {}

    private final Map<Long, List<OfertaAplicable>> candidatesByProduct;
    private final List<OfertaAplicable> withoutLine = new ArrayList<>();
    private final List<RegaloCandidate> regalos = new ArrayList<>();

    private OfertaIndex(int lines) {
        candidatesByProduct = new HashMap<>(Math.max(16, lines * 2));
    }

    static OfertaIndex build(List<CartLine> cart, List<OfertaAplicable> activas) {
        return build(cart, OfertasActivas.of(activas));
    }

    static OfertaIndex build(List<CartLine> cart, OfertasActivas activas) {
        OfertaIndex index = new OfertaIndex(cart.size());
        boolean[] inCart = new boolean[activas.size()];
        int[] everyProduct = activas.forEveryProduct();
        for (CartLine line : cart) {
            int[] naming = activas.naming(line.productoId());
            List<OfertaAplicable> candidates = new ArrayList<>(naming.length + everyProduct.length);
            // Merge two ascending position lists: the candidates stay in the active ofertas' order.
            int a = 0;
            int b = 0;
            while (a < naming.length || b < everyProduct.length) {
                int position = b == everyProduct.length || (a < naming.length && naming[a] < everyProduct[b]) ? naming[a++] : everyProduct[b++];
                inCart[position] = true;
                OfertaAplicable oferta = activas.get(position);
                if (oferta.tipo() != OfertaTipo.REGALO) candidates.add(oferta);
            }
            index.candidatesByProduct.put(line.productoId(), candidates);
        }
        for (int position = 0; position < activas.size(); position++) {
            OfertaAplicable oferta = activas.get(position);
            if (oferta.tipo() == OfertaTipo.REGALO) {
                index.regalos.add(new RegaloCandidate(oferta, inCart[position]));
            } else if (!inCart[position]) {
                index.withoutLine.add(oferta);
            }
        }
        return index;
    }

    /** The non-regalo ofertas that apply to this cart product, in the active ofertas' order. */
    List<OfertaAplicable> candidates(long productoId) {
        return candidatesByProduct.getOrDefault(productoId, List.of());
    }

    /** Non-regalo ofertas that found no line to price: none of their products is in the cart. */
    List<OfertaAplicable> withoutLine() {
        return withoutLine;
    }

    /** Every regalo oferta, in the active ofertas' order. */
    List<RegaloCandidate> regalos() {
        return regalos;
    }
}
