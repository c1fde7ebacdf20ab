package dev.mostrador.inventory;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the movements ledger newest first, a page at a time by keyset on the id (ids grow with
 * time): {@code before} is the last id shown, so a page deep in a million rows costs what the first does.
 */
public final class StockMovements {
    /** Which movements: any field may be null. {@code hasta} is exclusive. */
    public record Filter(Long productoId, StockMotivo motivo, OffsetDateTime desde, OffsetDateTime hasta) {
        public static Filter of(long productoId) {
            return new Filter(productoId, null, null, null);
        }
    }

    /** A page and the id to ask the next one with (null on the last page). */
    public record Page(List<MovimientoRow> rows, Long nextBefore) {}

    public Page page(DSLContext ctx, UUID tenantId, Filter filter, Long before, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE m.tenant_id = ?");
        List<Object> binds = new ArrayList<>(List.of(tenantId));
        if (filter.productoId() != null) {
            sql.append(" AND m.producto_id = ?");
            binds.add(filter.productoId());
        }
        if (filter.motivo() != null) {
            sql.append(" AND m.motivo = ?");
            binds.add(filter.motivo().code());
        }
        if (filter.desde() != null) {
            sql.append(" AND m.created_at >= ?");
            binds.add(filter.desde());
        }
        if (filter.hasta() != null) {
            sql.append(" AND m.created_at < ?");
            binds.add(filter.hasta());
        }
        if (before != null) {
            sql.append(" AND m.id < ?");
            binds.add(before);
        }
        sql.append(" ORDER BY m.id DESC LIMIT ?");
        binds.add(limit + 1);
        List<MovimientoRow> rows = Jdbc.list(ctx, sql.toString(), StockMovements::row, binds.toArray());
        if (rows.size() <= limit) return new Page(rows, null);
        List<MovimientoRow> shown = rows.subList(0, limit);
        return new Page(List.copyOf(shown), shown.get(limit - 1).id());
    }

    private static final String SELECT = "SELECT m.id, m.producto_id, p.sku, p.nombre, m.motivo, m.delta_total, m.delta_reservado, "
            + "m.delta_vendido, m.documento_tipo, m.documento_id, u.name, m.nota, m.created_at FROM public.stock_movimientos m "
            + "JOIN public.productos p ON p.tenant_id = m.tenant_id AND p.id = m.producto_id "
            + "LEFT JOIN public.users u ON u.tenant_id = m.tenant_id AND u.id = m.actor_user_id";

    private static MovimientoRow row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new MovimientoRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6), r.getInt(7),
                r.getInt(8), r.getString(9), (Long) r.getObject(10), r.getString(11), r.getString(12), r.getObject(13, OffsetDateTime.class));
    }
}
