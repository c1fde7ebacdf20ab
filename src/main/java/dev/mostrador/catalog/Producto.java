package dev.mostrador.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A product of the catalog with its stock counters (seed 003). The counters are read here but
 * written only by the inventory's movements ledger; {@code stockMinimo} is the catalog's to edit.
 */
public record Producto(long id, String sku, String nombre, String descripcion, BigDecimal precio, boolean activo,
                       OffsetDateTime updatedAt, int stockTotal, int stockReservado, int stockVendido, int stockMinimo) {

    public int stockDisponible() {
        return stockTotal - stockReservado - stockVendido;
    }

    public boolean bajoMinimo() {
        return stockMinimo > 0 && stockDisponible() < stockMinimo;
    }
}
