package dev.mostrador.promotions.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The active ofertas, in order, with for each product the ofertas that name it: built once per
 * change of the active ofertas and shared by every quote (immutable, so thread-safe). A quote
 * then reads the ofertas of its own products instead of walking every active oferta's products.
 */
public final class OfertasActivas {
    private final List<OfertaAplicable> all;
    private final Map<Long, int[]> byProduct;
    private final int[] forEveryProduct;

    private OfertasActivas(List<OfertaAplicable> all, Map<Long, int[]> byProduct, int[] forEveryProduct) {
        this.all = all;
        this.byProduct = byProduct;
        this.forEveryProduct = forEveryProduct;
    }

    public static OfertasActivas of(List<OfertaAplicable> activas) {
        Objects.requireNonNull(activas, "activas");
        List<OfertaAplicable> all = List.copyOf(activas); // also refuses a null oferta
        Map<Long, List<Integer>> positions = new HashMap<>();
        List<Integer> everyProduct = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            OfertaAplicable oferta = all.get(i);
            if (oferta.aplicaATodos()) {
                everyProduct.add(i);
            } else {
                for (Long productoId : oferta.productos()) positions.computeIfAbsent(productoId, k -> new ArrayList<>()).add(i);
            }
        }
        Map<Long, int[]> byProduct = new HashMap<>(positions.size() * 2);
        positions.forEach((productoId, list) -> byProduct.put(productoId, ints(list)));
        return new OfertasActivas(all, byProduct, ints(everyProduct));
    }

    public List<OfertaAplicable> list() {
        return all;
    }

    int size() {
        return all.size();
    }

    OfertaAplicable get(int position) {
        return all.get(position);
    }

    /** Positions (ascending, so in {@link #list()} order) of the ofertas naming this product, those for every product aside. */
    int[] naming(long productoId) {
        return byProduct.getOrDefault(productoId, NONE);
    }

    /** Positions (ascending) of the ofertas for every product. */
    int[] forEveryProduct() {
        return forEveryProduct;
    }

    /** The gift products of the ofertas these cart products may trigger (a superset of the gifts a quote hands out). */
    public Set<Long> possibleGifts(Set<Long> cart) {
        Set<Long> gifts = new TreeSet<>();
        if (cart.isEmpty()) return gifts;
        for (int position : forEveryProduct) addGift(all.get(position), gifts);
        for (Long productoId : cart) {
            for (int position : naming(productoId)) addGift(all.get(position), gifts);
        }
        return gifts;
    }

    private static void addGift(OfertaAplicable oferta, Set<Long> gifts) {
        if (oferta.regaloProductoId() != null) gifts.add(oferta.regaloProductoId());
    }

    private static final int[] NONE = new int[0];

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
