package dev.mostrador.platform.db;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Keyset paging on (time, id), newest first or oldest first: fast on millions of rows at any
 * depth, where an offset would read and drop every row before the page.
 */
public record Keyset<I>(Field<OffsetDateTime> at, Field<I> id) {
    /** The rows after the last one shown ({@code lastAt}, {@code lastId}), in the order shown. */
    public Condition after(OffsetDateTime lastAt, I lastId, boolean oldestFirst) {
        var row = DSL.row(at, id);
        return oldestFirst ? row.gt(lastAt, lastId) : row.lt(lastAt, lastId);
    }

    public List<SortField<?>> order(boolean oldestFirst) {
        return oldestFirst ? List.of(at.asc(), id.asc()) : List.of(at.desc(), id.desc());
    }
}
