package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The totals of a filter by estado and dates read from the rollup V022 keeps (see OrderTotalsJob)
 * instead of counting the orders: the range is cut into UTC cells (whole months in the middle,
 * whole days, then hours at its ends: at most about a hundred cells per estado however long the range),
 * summed in one
 * statement with the log rows not yet folded, so an order placed a moment ago counts.
 */
final class OrderTotals {
    /** Cells of one grain whose start is in [from, to); null = open. */
    record Cells(String unidad, Instant from, Instant to) {}

    private final DSLContext dsl;

    OrderTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether the rollup can answer this filter: estado and dates on whole hours only. */
    static boolean answers(OrderQuery.Filter f) {
        return f.customerId() == null && f.repartidorId() == null && f.userId() == null && f.q() == null
                && wholeHour(f.from()) && wholeHour(f.to());
    }

    /** The totals from the rollup, or empty while it is not backfilled yet. */
    Optional<OrderQuery.Totals> read(UUID tenantId, OrderQuery.Filter f) {
        Instant from = f.from() == null ? null : f.from().toInstant(), to = f.to() == null ? null : f.to().toInstant();
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT (SELECT backfilled_at IS NOT NULL FROM public.pedidos_totales_estado), ")
                .append("coalesce(sum(n), 0), coalesce(sum(total), 0) FROM (");
        for (Cells c : cells(from, to)) {
            sql.append("SELECT n, total FROM public.pedidos_totales WHERE tenant_id = ? AND unidad = ?");
            binds.add(tenantId);
            binds.add(c.unidad());
            range(sql, binds, "desde", c.from(), c.to());
            estado(sql, binds, f.estado());
            sql.append(" UNION ALL ");
        }
        sql.append("SELECT n, total FROM public.pedidos_totales_delta WHERE tenant_id = ?");
        binds.add(tenantId);
        estado(sql, binds, f.estado());
        range(sql, binds, "hora", from, to);
        sql.append(") x");
        return Jdbc.list(dsl, sql.toString(), r -> {
            if (!r.getBoolean(1)) return Optional.<OrderQuery.Totals>empty();
            long count = r.getLong(2);
            // As the direct count answers: no orders, a plain zero.
            return Optional.of(new OrderQuery.Totals(count, count == 0 ? BigDecimal.ZERO : r.getBigDecimal(3)));
        }, binds.toArray()).get(0);
    }

    /**
     * [from, to) (whole hours, null = open) as disjoint cells: hours up to the first whole day, days
     * up to the first whole month, the months, then days and hours to the end.
     */
    static List<Cells> cells(Instant from, Instant to) {
        List<Cells> cells = new ArrayList<>();
        Instant dayFrom = from == null ? null : ceilDay(from), dayTo = to == null ? null : floorDay(to);
        if (dayFrom != null && dayTo != null && !dayFrom.isBefore(dayTo)) return List.of(new Cells("hour", from, to));
        if (from != null && from.isBefore(dayFrom)) cells.add(new Cells("hour", from, dayFrom));
        if (to != null && dayTo.isBefore(to)) cells.add(new Cells("hour", dayTo, to));
        Instant monthFrom = dayFrom == null ? null : ceilMonth(dayFrom), monthTo = dayTo == null ? null : floorMonth(dayTo);
        if (monthFrom != null && monthTo != null && !monthFrom.isBefore(monthTo)) {
            cells.add(new Cells("day", dayFrom, dayTo));
            return cells;
        }
        if (dayFrom != null && dayFrom.isBefore(monthFrom)) cells.add(new Cells("day", dayFrom, monthFrom));
        if (dayTo != null && monthTo.isBefore(dayTo)) cells.add(new Cells("day", monthTo, dayTo));
        cells.add(new Cells("month", monthFrom, monthTo));
        return cells;
    }

    private static void range(StringBuilder sql, List<Object> binds, String column, Instant from, Instant to) {
        if (from != null) { sql.append(" AND ").append(column).append(" >= ?"); binds.add(utc(from)); }
        if (to != null) { sql.append(" AND ").append(column).append(" < ?"); binds.add(utc(to)); }
    }

    private static void estado(StringBuilder sql, List<Object> binds, String estado) {
        if (estado != null) { sql.append(" AND estado = ?"); binds.add(estado); }
    }

    private static boolean wholeHour(OffsetDateTime t) {
        return t == null || t.toInstant().truncatedTo(ChronoUnit.HOURS).equals(t.toInstant());
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant floorDay(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    private static Instant ceilDay(Instant t) {
        Instant d = floorDay(t);
        return d.equals(t) ? t : d.plus(1, ChronoUnit.DAYS);
    }

    private static Instant floorMonth(Instant t) {
        return utc(t).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    private static Instant ceilMonth(Instant t) {
        Instant m = floorMonth(t);
        return m.equals(t) ? t : utc(m).plusMonths(1).toInstant();
    }
}
