package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenant's orders filtered, newest (or oldest) first with a keyset on the id (the number grows
 * with time, so it orders by date too, on the index pedidos_lista_idx), the totals of the filtered
 * set, and every row of it for the CSV export, read in batches.
 */
public final class OrderQuery {
    /** null = any; from included, to excluded; {@code q} a number (the order's) or part of the customer's name. */
    public record Filter(String estado, OffsetDateTime from, OffsetDateTime to, Long customerId, Long repartidorId, Long userId, String q) {}

    public record Row(long id, String estado, OffsetDateTime createdAt, Long customerId, String customerName, String userName,
               String repartidorName, BigDecimal total, String moneda) {}

    public record Totals(long count, BigDecimal total) {}

    /** A choice of a filter's select: a repartidor or a staff user. */
    public record Option(long id, String name) {}

    private final DSLContext dsl;
    private final OrderTotals rollup;

    OrderQuery(DSLContext dsl) {
        this.dsl = dsl;
        this.rollup = new OrderTotals(dsl);
    }

    /** A page after {@code afterId} (the last shown, in the order shown), {@code limit} rows. */
    List<Row> search(UUID tenantId, Filter f, Long afterId, boolean oldestFirst, int limit) {
        List<Object> binds = new ArrayList<>();
        String where = where(tenantId, f, binds, true);
        if (afterId != null) {
            where += oldestFirst ? " AND p.id > ?" : " AND p.id < ?";
            binds.add(afterId);
        }
        binds.add(limit);
        // With a state, ordered as pedidos_estado_idx holds it (the state written as a range so the planner keeps it in the
        // order): otherwise PostgreSQL walks the primary key from the newest order, skipping every recent order in another
        // state (12,000 of them after a busy morning: 3 ms a page) because its estimate assumes states spread evenly.
        String order = f.estado() == null ? " ORDER BY p.id " + (oldestFirst ? "ASC" : "DESC")
                : oldestFirst ? " ORDER BY p.estado DESC, p.id ASC" : " ORDER BY p.estado ASC, p.id DESC";
        return Jdbc.list(dsl, SELECT + where + order + " LIMIT ?", OrderQuery::row, binds.toArray());
    }

    /**
     * The count and sum of the whole filtered set: from the rollup (OrderTotals) when the filter is
     * estado and dates only, else counted, joining the customers only to search their names.
     */
    Totals totals(UUID tenantId, Filter f) {
        if (OrderTotals.answers(f)) {
            Optional<Totals> rolled = rollup.read(tenantId, f);
            if (rolled.isPresent()) return rolled.get();
        }
        List<Object> binds = new ArrayList<>();
        String where = where(tenantId, f, binds);
        return Jdbc.list(dsl, "SELECT count(*), coalesce(sum(p.total), 0) FROM public.pedidos p"
                + (searchesName(f) ? CUSTOMERS : "") + where, r -> new Totals(r.getLong(1), r.getBigDecimal(2)), binds.toArray()).get(0);
    }

    /** Every row of the filter in the list's order, a thousand at a time (the CSV export). */
    void each(UUID tenantId, Filter f, boolean oldestFirst, Consumer<Row> action) {
        Long after = null;
        while (true) {
            List<Row> batch = search(tenantId, f, after, oldestFirst, 1_000);
            batch.forEach(action);
            if (batch.size() < 1_000) return;
            after = batch.get(batch.size() - 1).id();
        }
    }

    List<Option> repartidores(UUID tenantId) {
        return Jdbc.list(dsl, "SELECT id, nombre FROM public.repartidores WHERE tenant_id = ? ORDER BY nombre, id LIMIT 500",
                r -> new Option(r.getLong(1), r.getString(2)), tenantId);
    }

    List<Option> users(UUID tenantId) {
        return Jdbc.list(dsl, "SELECT id, name FROM public.users WHERE tenant_id = ? ORDER BY name, id LIMIT 500",
                r -> new Option(r.getLong(1), r.getString(2)), tenantId);
    }

    private static String where(UUID tenantId, Filter f, List<Object> binds) {
        return where(tenantId, f, binds, false);
    }

    private static String where(UUID tenantId, Filter f, List<Object> binds, boolean estadoAsRange) {
        StringBuilder w = new StringBuilder(" WHERE p.tenant_id = ?");
        binds.add(tenantId);
        if (f.estado() != null && estadoAsRange) {
            w.append(" AND p.estado >= ? AND p.estado <= ?");
            binds.add(f.estado());
            binds.add(f.estado());
        } else if (f.estado() != null) {
            w.append(" AND p.estado = ?");
            binds.add(f.estado());
        }
        if (f.from() != null) { w.append(" AND p.created_at >= ?"); binds.add(f.from()); }
        if (f.to() != null) { w.append(" AND p.created_at < ?"); binds.add(f.to()); }
        if (f.customerId() != null) { w.append(" AND p.customer_id = ?"); binds.add(f.customerId()); }
        if (f.repartidorId() != null) { w.append(" AND p.repartidor_id = ?"); binds.add(f.repartidorId()); }
        if (f.userId() != null) { w.append(" AND p.user_id = ?"); binds.add(f.userId()); }
        if (f.q() != null) {
            if (!searchesName(f)) {
                w.append(" AND p.id = ?");
                binds.add(Long.parseLong(number(f.q())));
            } else {
                w.append(" AND c.name ILIKE ? ESCAPE '\\'");
                binds.add("%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return w.toString();
    }

    /** {@code q} is an order's number ("123" or "#123"), or part of a customer's name. */
    private static boolean searchesName(Filter f) {
        return f.q() != null && !number(f.q()).matches("\\d{1,18}");
    }

    private static String number(String q) {
        return q.startsWith("#") ? q.substring(1) : q;
    }

    private static Row row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Row(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class), (Long) r.getObject(4), r.getString(5),
                r.getString(6), r.getString(7), r.getBigDecimal(8), r.getString(9));
    }

    private static final String CUSTOMERS = " LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id";

    private static final String SELECT = "SELECT p.id, p.estado, p.created_at, p.customer_id, c.name, u.name, d.nombre, p.total, p.moneda "
            + "FROM public.pedidos p" + CUSTOMERS + " "
            + "JOIN public.users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id "
            + "LEFT JOIN public.repartidores d ON d.tenant_id = p.tenant_id AND d.id = p.repartidor_id";
}
