package dev.mostrador.inventory;

import java.time.OffsetDateTime;

/** A hold on units of a product: pendiente until it is sold (confirmada), released by hand (liberada) or by time (expirada). */
public record Reserva(long id, long productoId, String producto, String sku, int cantidad, String estado, OffsetDateTime expiresAt,
                      OffsetDateTime createdAt, OffsetDateTime closedAt, Long carritoId, Long userId) {
    public static final String PENDIENTE = "pendiente";

    public boolean pendiente() {
        return PENDIENTE.equals(estado);
    }
}
