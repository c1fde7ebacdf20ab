package dev.mostrador.inventory;

/**
 * A product's counters (seed 003): {@code total} units ever in the warehouse (entries, adjustments
 * and counts), {@code reservado} held by pending reservations, {@code vendido} sold; what can still
 * be sold is {@link #disponible()}. The database keeps them equal to the sums of the product's
 * movements and refuses any below zero.
 */
public record Stock(long productoId, String sku, String nombre, boolean activo, int total, int reservado, int vendido, int minimo) {

    public int disponible() {
        return total - reservado - vendido;
    }

    /** Units physically in the warehouse: sold units left, reserved ones are still on the shelf. */
    public int enAlmacen() {
        return total - vendido;
    }

    public boolean bajoMinimo() {
        return minimo > 0 && disponible() < minimo;
    }
}
