package dev.mostrador.promotions.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the typed cart and folds it into one line per product, in order of first appearance,
 * so that an oferta sees the full quantity (a 3x2 must not depend on how the lines were typed).
 */
final class CartMerger {

    private CartMerger() {}

    /**
     * @throws IllegalArgumentException naming the product when it is unknown or inactive, when a
     *                                  quantity is negative, or when the merged quantity overflows
     */
    static List<CartLine> merge(List<LineaPedido> lines, Map<Long, ProductoCotizable> productos, Moneda moneda) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(productos, "productos");
        Map<Long, Integer> cantidades = new LinkedHashMap<>();
        for (LineaPedido line : lines) {
            if (line == null) throw new IllegalArgumentException("the cart has an empty line");
            long id = line.productoId();
            // Every line is checked, even quantity 0 ones: an unknown id is a client bug worth a 422.
            ProductoCotizable producto = productos.get(id);
            if (producto == null) throw new IllegalArgumentException("product " + id + " does not exist");
            if (!producto.activo()) throw new IllegalArgumentException("product " + id + " is inactive");
            if (line.cantidad() < 0) {
                throw new IllegalArgumentException("product " + id + " has a negative quantity: " + line.cantidad());
            }
            cantidades.merge(id, line.cantidad(), (a, b) -> addQuantities(id, a, b));
        }
        List<CartLine> merged = new ArrayList<>(cantidades.size());
        for (Map.Entry<Long, Integer> entry : cantidades.entrySet()) {
            if (entry.getValue() > 0) merged.add(CartLine.of(productos.get(entry.getKey()), entry.getValue(), moneda));
        }
        return merged;
    }

    private static int addQuantities(long productoId, int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("product " + productoId + " has a quantity too large to price");
        }
    }
}
