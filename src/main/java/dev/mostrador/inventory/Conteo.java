package dev.mostrador.inventory;

import java.time.OffsetDateTime;

/** A physical count: abierto while quantities are entered, then aplicado or descartado (kept as history). */
public record Conteo(long id, String estado, String nota, OffsetDateTime createdAt, String createdBy, OffsetDateTime closedAt, int lineas) {
    public static final String ABIERTO = "abierto";

    public boolean abierto() {
        return ABIERTO.equals(estado);
    }
}
