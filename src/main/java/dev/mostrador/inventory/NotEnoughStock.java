package dev.mostrador.inventory;

import java.util.List;

/** A reservation or sale refused whole: for each product short, what was asked and what is available. */
public final class NotEnoughStock extends RuntimeException {
    /** {@code disponible} is what can be sold now; {@code pedido} what the cart needs (its lines of the product summed). */
    public record Shortage(long productoId, String sku, String nombre, int pedido, int disponible) {}

    private final transient List<Shortage> shortages;

    public NotEnoughStock(List<Shortage> shortages) {
        super("not enough stock: " + shortages, null, false, false);
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}
