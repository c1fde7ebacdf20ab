package dev.mostrador.platform.web;

import org.jooq.Field;
import org.jooq.SortField;

import java.util.List;
import java.util.Map;

/**
 * A {@link ListSort} as jOOQ order fields: the column comes from the list's whitelist (never from
 * the request's text) and the id breaks ties, so paging through equal values is deterministic.
 */
public final class Sorting {
    private Sorting() {}

    public static List<SortField<?>> orderBy(ListSort sort, Map<String, Field<?>> columns, Field<?> id) {
        return orderBy(sort, columns, id, List.of());
    }

    /** {@code defaultOrder} is for {@link ListSort#NONE}: a list whose usual order is on several columns. */
    public static List<SortField<?>> orderBy(ListSort sort, Map<String, Field<?>> columns, Field<?> id, List<SortField<?>> defaultOrder) {
        if (sort.isNone() && !defaultOrder.isEmpty()) return defaultOrder;
        Field<?> column = columns.get(sort.column());
        if (column == null) throw new IllegalArgumentException("not a sortable column: " + sort.column());
        return sort.descending() ? List.of(column.desc().nullsLast(), id.desc()) : List.of(column.asc().nullsLast(), id.asc());
    }
}
