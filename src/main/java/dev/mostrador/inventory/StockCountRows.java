package dev.mostrador.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The SQL of counts and their lines, and how their rows read. */
final class StockCountRows {
    private StockCountRows() {}

    static final String SELECT = "SELECT c.id, c.estado, c.nota, c.created_at, u.name, c.closed_at, "
            + "(SELECT count(*) FROM public.conteo_lineas l WHERE l.tenant_id = c.tenant_id AND l.conteo_id = c.id) "
            + "FROM public.conteos c LEFT JOIN public.users u ON u.tenant_id = c.tenant_id AND u.id = c.created_by";

    /** Each line beside the product now: its counters and its last movement (index stock_movimientos_producto_idx). */
    static final String LINES = "SELECT l.producto_id, p.sku, p.nombre, l.contado, l.en_almacen, l.ultimo_movimiento_id, l.counted_at, "
            + "p.stock_total - p.stock_vendido, p.stock_reservado, (SELECT max(m.id) FROM public.stock_movimientos m "
            + "WHERE m.tenant_id = l.tenant_id AND m.producto_id = l.producto_id) FROM public.conteo_lineas l "
            + "JOIN public.productos p ON p.tenant_id = l.tenant_id AND p.id = l.producto_id "
            + "WHERE l.tenant_id = ? AND l.conteo_id = ? ORDER BY p.sku";

    static final String UPSERT_LINE = "INSERT INTO public.conteo_lineas (tenant_id, conteo_id, producto_id, contado, en_almacen, ultimo_movimiento_id) "
            + "VALUES (?, ?, ?, ?, ?, (SELECT max(id) FROM public.stock_movimientos WHERE tenant_id = ? AND producto_id = ?)) "
            + "ON CONFLICT (tenant_id, conteo_id, producto_id) DO UPDATE SET contado = EXCLUDED.contado, en_almacen = EXCLUDED.en_almacen, "
            + "ultimo_movimiento_id = EXCLUDED.ultimo_movimiento_id, counted_at = now()";

    static Conteo conteo(ResultSet r) throws SQLException {
        return new Conteo(r.getLong(1), r.getString(2), r.getString(3), r.getObject(4, OffsetDateTime.class), r.getString(5),
                r.getObject(6, OffsetDateTime.class), r.getInt(7));
    }

    static ConteoLinea linea(ResultSet r) throws SQLException {
        return new ConteoLinea(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5), (Long) r.getObject(6),
                r.getObject(7, OffsetDateTime.class), r.getInt(8), r.getInt(9), (Long) r.getObject(10));
    }
}
