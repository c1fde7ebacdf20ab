package dev.mostrador.duplicates;

import dev.mostrador.platform.db.ForeignKeys;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every column that points to a customer, found in pg_catalog (each foreign key referencing
 * customers), so a table added later (visits, imports…) is merged without a change here. For each,
 * the unique indexes that hold the column: a loser's row that would collide with a row the winner
 * already has (an interest both have) is dropped instead of moved. Public for the imports' undo,
 * which keeps a customer that any of these rows points to.
 */
public final class CustomerReferences {
    /** A foreign key to customers: the table, the column holding the customer id and the one holding the tenant (null if none). */
    public record Reference(String schema, String table, String column, String tenantColumn, List<UniqueKey> uniques) {
        public String qualified() {
            return DSL.name(schema, table).toString();
        }

        /** "pedidos", "rewards.user_redemptions": how the preview and the log name it. */
        public String label() {
            return schema.equals("public") ? table : schema + "." + table;
        }

        String where(String alias) {
            String scope = tenantColumn == null ? "" : alias + "." + DSL.name(tenantColumn) + " = ? AND ";
            return scope + alias + "." + DSL.name(column) + " = ?";
        }

        Object[] binds(UUID tenantId, long customerId) {
            return tenantColumn == null ? new Object[] {customerId} : new Object[] {tenantId, customerId};
        }
    }

    /** A unique index holding the customer column: its other columns, and its predicate when partial. */
    public record UniqueKey(List<String> others, String predicate) {}

    private CustomerReferences() {}

    public static List<Reference> all(DSLContext dsl) {
        List<Reference> found = new ArrayList<>();
        for (ForeignKeys.Reference fk : ForeignKeys.referencing(dsl, "public.customers")) {
            found.add(new Reference(fk.schema(), fk.table(), fk.column(), fk.tenantColumn(), uniques(dsl, fk.tableOid(), fk.column())));
        }
        return found;
    }

    private static List<UniqueKey> uniques(DSLContext dsl, long table, String column) {
        List<UniqueKey> keys = new ArrayList<>();
        Jdbc.list(dsl, """
                SELECT (SELECT array_agg(a.attname::text ORDER BY k.o) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, o)
                          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum),
                       pg_get_expr(i.indpred, i.indrelid), i.indexprs IS NOT NULL
                  FROM pg_index i WHERE i.indrelid = ?::oid AND i.indisunique""", r -> {
            String[] cols = (String[]) r.getArray(1).getArray();
            List<String> others = new ArrayList<>(List.of(cols));
            // An expression index is left to fail loudly (the merge rolls back) rather than guessed at.
            if (!r.getBoolean(3) && others.remove(column)) keys.add(new UniqueKey(others, r.getString(2)));
            return 1;
        }, table);
        return keys;
    }

    /** How many rows of each table point to the customer (tables with none left out). */
    static Map<String, Long> counts(DSLContext dsl, List<Reference> refs, UUID tenantId, long customerId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Reference ref : refs) {
            long n = ((Number) dsl.fetchValue("SELECT count(*) FROM " + ref.qualified() + " x WHERE " + ref.where("x"),
                    ref.binds(tenantId, customerId))).longValue();
            if (n > 0) counts.merge(ref.label(), n, Long::sum);
        }
        return counts;
    }

    /** Drops the loser's rows that the winner already has under a unique key; how many. */
    static int dropClashes(DSLContext tx, Reference ref, UUID tenantId, long winner, long loser) {
        int dropped = 0;
        for (UniqueKey key : ref.uniques()) {
            StringBuilder same = new StringBuilder();
            for (String col : key.others()) same.append(" AND w.").append(DSL.name(col)).append(" = l.").append(DSL.name(col));
            // The predicate's bare column names mean l's outside the sub-select and w's inside it.
            String pred = key.predicate() == null ? "" : " AND (" + key.predicate() + ")";
            List<Object> binds = new ArrayList<>(List.of(ref.binds(tenantId, loser)));
            binds.addAll(List.of(ref.binds(tenantId, winner)));
            dropped += tx.execute("DELETE FROM " + ref.qualified() + " l WHERE " + ref.where("l") + pred
                    + " AND EXISTS (SELECT 1 FROM " + ref.qualified() + " w WHERE " + ref.where("w") + same + pred + ")", binds.toArray());
        }
        return dropped;
    }

    /** Points the loser's rows to the winner; how many. */
    static int move(DSLContext tx, Reference ref, UUID tenantId, long winner, long loser) {
        List<Object> binds = new ArrayList<>(List.of(winner));
        binds.addAll(List.of(ref.binds(tenantId, loser)));
        return tx.execute("UPDATE " + ref.qualified() + " x SET " + DSL.name(ref.column()) + " = ? WHERE " + ref.where("x"), binds.toArray());
    }
}
