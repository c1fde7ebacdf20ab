package dev.mostrador.orders;

import dev.mostrador.support.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list's totals for many filters compared with a plain count of pedidos: the rollup's tests' yardstick. */
final class OrderTotalsCheck {
    private OrderTotalsCheck() {}

    /** Every estado (and none) with ranges of the tenant's days: open, one day, across months, and an offset on no whole hour. */
    static List<OrderQuery.Filter> filters(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        List<String[]> ranges = List.of(new String[]{"", ""}, new String[]{today.toString(), today.toString()},
                new String[]{today.minusDays(60).toString(), today.minusDays(10).toString()}, new String[]{today.minusDays(35).toString(), ""},
                new String[]{"", today.minusDays(20).toString()}, new String[]{today.minusDays(44).toString(), today.minusDays(44).toString()},
                new String[]{today.minusDays(400).toString(), today.plusDays(400).toString()});
        List<OrderQuery.Filter> filters = new ArrayList<>();
        List<String> estados = new ArrayList<>(OrderFilters.ESTADOS);
        estados.add("");
        for (String estado : estados) {
            for (String[] r : ranges) filters.add(new OrderFilters(estado, r[0], r[1], "", "", "", "").toFilter(zone));
            OffsetDateTime half = OffsetDateTime.now(zone).minusDays(30).withMinute(30).withSecond(0).withNano(0);
            filters.add(new OrderQuery.Filter(estado.isEmpty() ? null : estado, half, half.plusDays(29), null, null, null, null));
        }
        return filters;
    }

    /** The rollup answers every whole-hour filter, the list's totals answer every filter, and both equal the count. */
    static void matches(Fixtures.TestTenant t) {
        OrderQuery query = new OrderQuery(dsl());
        OrderTotals rollup = new OrderTotals(dsl());
        for (OrderQuery.Filter f : filters(t.tenant().zone())) {
            OrderQuery.Totals expected = count(t, f);
            same(expected, query.totals(t.id(), f), f.toString());
            if (OrderTotals.answers(f)) {
                Optional<OrderQuery.Totals> rolled = rollup.read(t.id(), f);
                assertTrue(rolled.isPresent(), "backfilled, so the rollup answers " + f);
                same(expected, rolled.get(), "rollup " + f);
            }
        }
    }

    /** Count and sum of the filter straight from pedidos. */
    static OrderQuery.Totals count(Fixtures.TestTenant t, OrderQuery.Filter f) {
        var r = dsl().fetchOne("SELECT count(*), coalesce(sum(total), 0) FROM pedidos WHERE tenant_id = ? AND (?::text IS NULL OR estado = ?) "
                + "AND (?::timestamptz IS NULL OR created_at >= ?::timestamptz) AND (?::timestamptz IS NULL OR created_at < ?::timestamptz)",
                t.id(), f.estado(), f.estado(), f.from(), f.from(), f.to(), f.to());
        return new OrderQuery.Totals(((Number) r.get(0)).longValue(), (BigDecimal) r.get(1));
    }

    static void same(OrderQuery.Totals expected, OrderQuery.Totals actual, String what) {
        assertEquals(expected.count(), actual.count(), what);
        assertEquals(0, expected.total().compareTo(actual.total()), what + ": " + expected.total() + " vs " + actual.total());
    }

    /** The rollup's cells plus the log, as a reader would sum them if it ignored the backfill's mark. */
    static long rolledCount(Fixtures.TestTenant t) {
        return ((Number) dsl().fetchValue("SELECT (SELECT coalesce(sum(n), 0) FROM pedidos_totales WHERE tenant_id = ? AND unidad = 'month') "
                + "+ (SELECT coalesce(sum(n), 0) FROM pedidos_totales_delta WHERE tenant_id = ?)", t.id(), t.id())).longValue();
    }

    /** Moves the tenant's orders back over the last three months, in one statement (cells change by the UPDATE trigger). */
    static void spread(Fixtures.TestTenant t) {
        dsl().execute("UPDATE pedidos SET created_at = now() - make_interval(days => (id % 9)::int * 11, hours => (id % 13)::int) "
                + "WHERE tenant_id = ?", t.id());
    }

    /** As if V022 had never run: the next job run backfills. */
    static void forgetBackfill() {
        dsl().execute("UPDATE pedidos_totales_estado SET backfilled_at = NULL");
    }
}
