package dev.mostrador.platform.db;

import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jdbc.all: several reads in one round trip, each read's rows apart and in order, binds of every kind. */
class JdbcReadsTogetherTest {
    private final DSLContext dsl = TestDatabase.get().dsl();

    @Test
    void eachReadGetsItsOwnRowsInOrder() {
        List<List<?>> results = Jdbc.all(dsl, List.of(
                new Jdbc.Query<>("SELECT g FROM generate_series(1, ?) g ORDER BY g DESC", r -> r.getInt(1), 3),
                new Jdbc.Query<>("SELECT ?::text || 'b' WHERE ? > 1", r -> r.getString(1), "a", 2),
                new Jdbc.Query<>("SELECT 1 WHERE false", r -> r.getInt(1)),
                new Jdbc.Query<>("SELECT x FROM unnest(?) x ORDER BY x", r -> r.getLong(1), Jdbc.array("bigint", new Object[] {9L, 7L}))));
        assertEquals(List.of(List.of(3, 2, 1), List.of("ab"), List.of(), List.of(7L, 9L)), results);
    }

    @Test
    void readsSentTogetherShareOneTransaction() {
        // One round trip means one implicit transaction: every part sees the same transaction id.
        List<List<?>> results = Jdbc.all(dsl, List.of(
                new Jdbc.Query<>("SELECT txid_current_if_assigned() IS NULL, pg_current_xact_id()::text", r -> r.getString(2)),
                new Jdbc.Query<>("SELECT pg_current_xact_id()::text", r -> r.getString(1))));
        assertEquals(results.get(0), results.get(1));
    }
}
