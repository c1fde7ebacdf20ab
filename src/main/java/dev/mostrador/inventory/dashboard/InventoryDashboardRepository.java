package dev.mostrador.inventory.dashboard;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inventory dashboard's SQL: every figure aggregated in the database, one tenant at a time. */
public final class InventoryDashboardRepository {
    /** Seed 003's summary and what it adds: stock value at list price, products below their minimum, reservations. */
    public record Summary(long total, long reservado, long vendido, long disponible, BigDecimal valor, long bajoMinimo,
                          long reservasActivas, long reservasPorVencer) {}

    public record BelowMinimum(long id, String sku, String nombre, int disponible, int minimo) {}

    public record Ranked(long id, String sku, String nombre, long unidades) {}

    /** Units in (entrada) and sold (venta) per day in the tenant's zone; units sold and reserved per product. */
    public record Movements(Map<LocalDate, long[]> perDay, Map<Long, long[]> perProduct) {
        static Movements empty() {
            return new Movements(new HashMap<>(), new HashMap<>());
        }
    }

    private final DSLContext dsl;

    public InventoryDashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Summary summary(UUID tenant, OffsetDateTime now) {
        return Jdbc.list(dsl, SUMMARY, row -> new Summary(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                row.getBigDecimal(5), row.getLong(6), row.getLong(7), row.getLong(8)), tenant, now, tenant, now, now, tenant).get(0);
    }

    /** The products furthest below their minimum first. */
    public List<BelowMinimum> belowMinimum(UUID tenant, int limit) {
        return Jdbc.list(dsl, BELOW, row -> new BelowMinimum(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5)),
                tenant, limit);
    }

    /** The movements of {@code [from, to)} summed in one pass over the (tenant_id, created_at) index. */
    public Movements movements(UUID tenant, ZoneId zone, OffsetDateTime from, OffsetDateTime to) {
        Movements m = Movements.empty();
        Jdbc.list(dsl, MOVEMENTS, row -> {
            long producto = row.getLong(1);
            if (row.wasNull()) m.perDay().put(row.getObject(2, LocalDate.class), new long[]{row.getLong(3), row.getLong(4)});
            else m.perProduct().put(producto, new long[]{row.getLong(4), row.getLong(5)});
            return null;
        }, zone.getId(), tenant, from, to);
        return m;
    }

    /** SKU and name of these products, for the rankings. */
    public Map<Long, Ranked> names(UUID tenant, Collection<Long> ids) {
        Map<Long, Ranked> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        Jdbc.list(dsl, "SELECT id, sku, nombre FROM public.productos WHERE tenant_id = ? AND id = ANY(?)",
                row -> found.put(row.getLong(1), new Ranked(row.getLong(1), row.getString(2), row.getString(3), 0)),
                tenant, Jdbc.array("bigint", ids.toArray(Long[]::new)));
        return found;
    }

    private static final String SUMMARY = "SELECT coalesce(sum(stock_total), 0), coalesce(sum(stock_reservado), 0), coalesce(sum(stock_vendido), 0), "
            + "coalesce(sum(stock_total - stock_reservado - stock_vendido), 0), coalesce(sum((stock_total - stock_reservado - stock_vendido) * precio), 0), "
            + "count(*) FILTER (WHERE stock_minimo > 0 AND stock_total - stock_reservado - stock_vendido < stock_minimo), "
            + "(SELECT count(*) FROM public.reservas r WHERE r.tenant_id = ? AND r.estado = 'pendiente' AND r.expires_at > ?), "
            + "(SELECT count(*) FROM public.reservas r WHERE r.tenant_id = ? AND r.estado = 'pendiente' AND r.expires_at > ? "
            + "AND r.expires_at <= ?::timestamptz + interval '5 minutes') "
            + "FROM public.productos p WHERE p.tenant_id = ?";

    private static final String BELOW = "SELECT id, sku, nombre, stock_total - stock_reservado - stock_vendido, stock_minimo FROM public.productos "
            + "WHERE tenant_id = ? AND stock_minimo > 0 AND stock_total - stock_reservado - stock_vendido < stock_minimo "
            + "ORDER BY stock_minimo - (stock_total - stock_reservado - stock_vendido) DESC, id LIMIT ?";

    // Columns: product (null on a day's row), day (null on a product's row), units in, units sold, units reserved.
    private static final String MOVEMENTS = "SELECT producto_id, d, sum(delta_total) FILTER (WHERE motivo = 'entrada'), "
            + "sum(delta_vendido) FILTER (WHERE motivo = 'venta'), sum(delta_reservado) FILTER (WHERE motivo = 'reserva') "
            + "FROM (SELECT producto_id, motivo, delta_total, delta_vendido, delta_reservado, (created_at AT TIME ZONE ?)::date AS d "
            + "FROM public.stock_movimientos WHERE tenant_id = ? AND created_at >= ? AND created_at < ?) m "
            + "GROUP BY GROUPING SETS ((producto_id), (d))";
}
