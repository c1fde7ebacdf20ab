package dev.mostrador.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record Producto(long id, String sku, String nombre, String descripcion, BigDecimal precio, boolean activo,
                       OffsetDateTime updatedAt) {}
