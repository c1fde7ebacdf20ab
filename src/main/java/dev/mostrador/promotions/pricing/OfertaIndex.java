package dev.mostrador.promotions.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Built once per quote: for each product in the cart, the non-regalo ofertas that may price it.
 * Each oferta is matched against the cart by walking the smaller of its product set and the cart,
 * so a quote costs about (ofertas × small set lookups) instead of weighing every oferta on every line.
 * Lists keep the order of {@code activas}, which keeps explanations deterministic.
 */
final class OfertaIndex {

    /** A regalo oferta and whether the cart triggers it (holds one of its products, or anything at all). */
    record RegaloCandidate(Oferta oferta, boolean enCarrito) {}

    private final Map<Long, List<Oferta>> candidatesByProduct;
    private final List<Oferta> withoutLine = new ArrayList<>();
    private final List<RegaloCandidate> regalos = new ArrayList<>();

    private OfertaIndex(List<CartLine> cart) {
        candidatesByProduct = new HashMap<>(Math.max(16, cart.size() * 2));
        for (CartLine line : cart) candidatesByProduct.put(line.productoId(), new ArrayList<>());
    }

    static OfertaIndex build(List<CartLine> cart, List<Oferta> activas) {
        Objects.requireNonNull(activas, "activas");
        OfertaIndex index = new OfertaIndex(cart);
        for (Oferta oferta : activas) {
            Objects.requireNonNull(oferta, "activas holds a null oferta");
            if (oferta.tipo() == OfertaTipo.REGALO) {
                index.regalos.add(new RegaloCandidate(oferta, index.anyProductInCart(oferta)));
            } else if (!index.addToMatchingLines(oferta)) {
                index.withoutLine.add(oferta);
            }
        }
        return index;
    }

    /** The non-regalo ofertas that apply to this cart product, in {@code activas} order. */
    List<Oferta> candidates(long productoId) {
        return candidatesByProduct.getOrDefault(productoId, List.of());
    }

    /** Non-regalo ofertas that found no line to price: none of their products is in the cart. */
    List<Oferta> withoutLine() {
        return withoutLine;
    }

    /** Every regalo oferta, in {@code activas} order. */
    List<RegaloCandidate> regalos() {
        return regalos;
    }

    private boolean addToMatchingLines(Oferta oferta) {
        if (oferta.aplicaATodos()) {
            for (List<Oferta> candidates : candidatesByProduct.values()) candidates.add(oferta);
            return !candidatesByProduct.isEmpty();
        }
        boolean matched = false;
        if (oferta.productos().size() <= candidatesByProduct.size()) {
            for (Long productoId : oferta.productos()) {
                List<Oferta> candidates = candidatesByProduct.get(productoId);
                if (candidates != null) {
                    candidates.add(oferta);
                    matched = true;
                }
            }
        } else {
            for (Map.Entry<Long, List<Oferta>> entry : candidatesByProduct.entrySet()) {
                if (oferta.productos().contains(entry.getKey())) {
                    entry.getValue().add(oferta);
                    matched = true;
                }
            }
        }
        return matched;
    }

    private boolean anyProductInCart(Oferta oferta) {
        if (candidatesByProduct.isEmpty()) return false;
        if (oferta.aplicaATodos()) return true;
        if (oferta.productos().size() <= candidatesByProduct.size()) {
            for (Long productoId : oferta.productos()) {
                if (candidatesByProduct.containsKey(productoId)) return true;
            }
            return false;
        }
        for (Long productoId : candidatesByProduct.keySet()) {
            if (oferta.productos().contains(productoId)) return true;
        }
        return false;
    }
}
