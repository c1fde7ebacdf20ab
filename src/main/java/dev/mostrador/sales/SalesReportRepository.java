package dev.mostrador.sales;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The sales report's SQL over the pedidos tables, every figure summed in the database for one
 * tenant and one range of the tenant's days. A sale is an order neither cancelled nor returned;
 * returned orders are counted apart. Lines are read as frozen at placement (sku, name, the
 * oferta's id and title), so a product renamed or an oferta deleted since still reports as sold.
 */
public final class SalesReportRepository {
    static final String SOLD = "p.estado IN ('confirmado', 'en_reparto', 'entregado')";
    /**
     * The lines' own key bounded by the range's first and last order: true of every line joined,
     * and tight because ids grow with time, so the primary key is scanned for the range only,
     * never the tenant's millions of lines. Binds: tenant, from, to, twice.
     */
    private static final String LINES_OF_RANGE = " AND l.pedido_id >= (SELECT min(id) FROM public.pedidos WHERE tenant_id = ? AND created_at >= ? "
            + "AND created_at < ?) AND l.pedido_id <= (SELECT max(id) FROM public.pedidos WHERE tenant_id = ? AND created_at >= ? AND created_at < ?)";

    public record Totals(long pedidos, BigDecimal total, BigDecimal descuento, long devueltos, BigDecimal totalDevuelto, long cancelados) {}

    /** One day or week (its first day): sales and returns placed in it. */
    public record Period(LocalDate start, long pedidos, BigDecimal total, long devueltos, BigDecimal totalDevuelto) {}

    /** A product, a vendedor or a customer: its id (null: no customer), name, orders or units, amount. */
    public record Row(Long id, String code, String nombre, long cantidad, BigDecimal total) {}

    /** An oferta as the lines froze it: orders it applied to, units on its lines, discount given. */
    public record OfertaUse(long id, String titulo, long pedidos, long unidades, BigDecimal descuento) {}

    private final DSLContext dsl;

    public SalesReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Totals totals(UUID tenant, OffsetDateTime from, OffsetDateTime to) {
        return Jdbc.list(dsl, "SELECT count(*) FILTER (WHERE " + SOLD + "), coalesce(sum(p.total) FILTER (WHERE " + SOLD + "), 0)::numeric(16, 2), "
                        + "coalesce(sum(p.descuento) FILTER (WHERE " + SOLD + "), 0)::numeric(16, 2), count(*) FILTER (WHERE p.estado = 'devuelto'), "
                        + "coalesce(sum(p.total) FILTER (WHERE p.estado = 'devuelto'), 0)::numeric(16, 2), count(*) FILTER (WHERE p.estado = 'cancelado') "
                        + "FROM public.pedidos p WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ?",
                r -> new Totals(r.getLong(1), r.getBigDecimal(2), r.getBigDecimal(3), r.getLong(4), r.getBigDecimal(5), r.getLong(6)),
                tenant, from, to).get(0);
    }

    /** Only the periods with orders, oldest first ({@code weekly}: weeks starting on Monday). */
    public List<Period> periods(UUID tenant, ZoneId zone, OffsetDateTime from, OffsetDateTime to, boolean weekly) {
        return Jdbc.list(dsl, "SELECT date_trunc('" + (weekly ? "week" : "day") + "', p.created_at AT TIME ZONE ?)::date AS d, "
                        + "count(*) FILTER (WHERE " + SOLD + "), coalesce(sum(p.total) FILTER (WHERE " + SOLD + "), 0)::numeric(16, 2), "
                        + "count(*) FILTER (WHERE p.estado = 'devuelto'), coalesce(sum(p.total) FILTER (WHERE p.estado = 'devuelto'), 0)::numeric(16, 2) "
                        + "FROM public.pedidos p WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ? AND p.estado <> 'cancelado' "
                        + "GROUP BY 1 ORDER BY 1",
                r -> new Period(r.getObject(1, LocalDate.class), r.getLong(2), r.getBigDecimal(3), r.getLong(4), r.getBigDecimal(5)),
                zone.getId(), tenant, from, to);
    }

    /** Units and net amount per product, the most sold (by amount) first; {@code limit} null: all. */
    public List<Row> products(UUID tenant, OffsetDateTime from, OffsetDateTime to, Integer limit) {
        return Jdbc.list(dsl, "SELECT l.producto_id, max(l.sku), max(l.nombre), sum(l.cantidad), sum(l.neto) "
                        + "FROM public.pedidos p JOIN public.pedido_lineas l ON l.tenant_id = p.tenant_id AND l.pedido_id = p.id "
                        + "WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ? AND " + SOLD + LINES_OF_RANGE
                        + " GROUP BY l.producto_id ORDER BY 5 DESC, 1 LIMIT " + limit(limit),
                r -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getBigDecimal(5)), tenant, from, to,
                tenant, from, to, tenant, from, to);
    }

    /** Orders and total per vendedor (the staff user who placed them). */
    public List<Row> vendedores(UUID tenant, OffsetDateTime from, OffsetDateTime to, Integer limit) {
        return Jdbc.list(dsl, "SELECT p.user_id, u.email, u.name, count(*), sum(p.total) FROM public.pedidos p "
                        + "JOIN public.users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id "
                        + "WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ? AND " + SOLD
                        + " GROUP BY p.user_id, u.email, u.name ORDER BY 5 DESC, 1 LIMIT " + limit(limit),
                r -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getBigDecimal(5)), tenant, from, to);
    }

    /** Orders and total per customer; orders without one make a row whose id is null. */
    public List<Row> customers(UUID tenant, OffsetDateTime from, OffsetDateTime to, Integer limit) {
        return Jdbc.list(dsl, "SELECT s.customer_id, c.email, c.name, s.n, s.t FROM (SELECT p.customer_id, count(*) AS n, sum(p.total) AS t "
                        + "FROM public.pedidos p WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ? AND " + SOLD
                        + " GROUP BY p.customer_id ORDER BY t DESC, p.customer_id NULLS LAST LIMIT " + limit(limit) + ") s "
                        + "LEFT JOIN public.customers c ON c.tenant_id = ? AND c.id = s.customer_id ORDER BY s.t DESC, s.customer_id NULLS LAST",
                r -> {
                    long id = r.getLong(1);
                    return new Row(r.wasNull() ? null : id, r.getString(2), r.getString(3), r.getLong(4), r.getBigDecimal(5));
                }, tenant, from, to, tenant);
    }

    /** Every oferta that applied to a sale in the range, the one that gave most discount first. */
    public List<OfertaUse> ofertas(UUID tenant, OffsetDateTime from, OffsetDateTime to) {
        return Jdbc.list(dsl, "SELECT l.oferta_id, max(l.oferta_titulo), count(DISTINCT l.pedido_id), sum(l.cantidad), sum(l.descuento) "
                        + "FROM public.pedidos p JOIN public.pedido_lineas l ON l.tenant_id = p.tenant_id AND l.pedido_id = p.id "
                        + "WHERE p.tenant_id = ? AND p.created_at >= ? AND p.created_at < ? AND " + SOLD + LINES_OF_RANGE
                        + " AND l.oferta_id IS NOT NULL GROUP BY l.oferta_id ORDER BY 5 DESC, 1",
                r -> new OfertaUse(r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4), r.getBigDecimal(5)), tenant, from, to,
                tenant, from, to, tenant, from, to);
    }

    private static String limit(Integer limit) {
        return limit == null ? "ALL" : Integer.toString(Math.max(0, limit));
    }
}
