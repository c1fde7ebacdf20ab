package dev.mostrador.platform.db;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;

import java.util.function.Consumer;
import java.util.function.Function;

/** Rows read a few hundred at a time, for exports of lists of any length. */
public final class Cursors {
    static final int FETCH_SIZE = 500;

    private Cursors() {}

    /**
     * PostgreSQL's driver fetches by batches only inside a transaction (else it reads the whole
     * result at once), hence the read-only transaction around the cursor.
     */
    public static <R extends Record> void each(DSLContext dsl, Function<DSLContext, ResultQuery<R>> query, Consumer<R> action) {
        dsl.transaction(cfg -> {
            try (Cursor<R> cursor = query.apply(cfg.dsl()).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (R row : cursor) action.accept(row);
            }
        });
    }
}
