package dev.mostrador.inventory;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A counted product: what was counted, what the warehouse held (total − vendido) and the product's
 * last movement when the line was entered, beside the same two now.
 */
public record ConteoLinea(long productoId, String sku, String nombre, int contado, int enAlmacen, Long ultimoMovimientoId,
                          OffsetDateTime countedAt, int enAlmacenAhora, int reservadoAhora, Long ultimoMovimientoAhora) {

    /** The product moved (a sale, an entry, a reservation…) after its line was entered. */
    public boolean movido() {
        return !Objects.equals(ultimoMovimientoId, ultimoMovimientoAhora);
    }

    /** What applying adds to the product's total: counted minus what is in the warehouse now. */
    public int delta() {
        return contado - enAlmacenAhora;
    }

    /** Available after applying: the counted units minus those reserved (sold ones have left the shelf). */
    public int disponibleDespues() {
        return contado - reservadoAhora;
    }
}
