package dev.mostrador.orders;

import java.time.OffsetDateTime;

/** A delivery driver of the shop (seed 000). Deactivated, never deleted: old orders still name them. */
public record Repartidor(long id, String nombre, String telefono, boolean activo, OffsetDateTime createdAt) {}
