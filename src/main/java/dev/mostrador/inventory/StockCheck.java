package dev.mostrador.inventory;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/**
 * Proves the counters equal the sums of their movements, product by product (every tenant's), and
 * that reserved units equal the pending reservations: a drift is a bug to find, never to hide.
 */
public final class StockCheck {
    /** A product whose counters differ from its ledger (or its reserved units from its pending reservations). */
    public record Drift(UUID tenantId, long productoId, String sku, int total, long ledgerTotal, int reservado, long ledgerReservado,
                        long pendientes, int vendido, long ledgerVendido) {}

    private final DSLContext dsl;

    public StockCheck(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Drift> drifts() {
        return Jdbc.list(dsl, DRIFT, row -> new Drift(row.getObject(1, UUID.class), row.getLong(2), row.getString(3), row.getInt(4),
                row.getLong(5), row.getInt(6), row.getLong(7), row.getLong(8), row.getInt(9), row.getLong(10)));
    }

    /** The drifts of one tenant's products (tests check their own tenant after every race). */
    public List<Drift> drifts(UUID tenantId) {
        return drifts().stream().filter(d -> d.tenantId().equals(tenantId)).toList();
    }

    private static final String DRIFT = "SELECT p.tenant_id, p.id, p.sku, p.stock_total, coalesce(m.t, 0), p.stock_reservado, coalesce(m.r, 0), "
            + "coalesce(r.q, 0), p.stock_vendido, coalesce(m.v, 0) FROM public.productos p "
            + "LEFT JOIN (SELECT tenant_id, producto_id, sum(delta_total) t, sum(delta_reservado) r, sum(delta_vendido) v "
            + "FROM public.stock_movimientos GROUP BY tenant_id, producto_id) m ON m.tenant_id = p.tenant_id AND m.producto_id = p.id "
            + "LEFT JOIN (SELECT tenant_id, producto_id, sum(cantidad) q FROM public.reservas WHERE estado = 'pendiente' "
            + "GROUP BY tenant_id, producto_id) r ON r.tenant_id = p.tenant_id AND r.producto_id = p.id "
            + "WHERE p.stock_total <> coalesce(m.t, 0) OR p.stock_reservado <> coalesce(m.r, 0) OR p.stock_vendido <> coalesce(m.v, 0) "
            + "OR p.stock_reservado <> coalesce(r.q, 0) ORDER BY p.tenant_id, p.id";
}
