package dev.mostrador.platform.db;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys that point to a table, read from pg_catalog: a feature that must know "does
 * anything use this row" (a merge moving a customer's rows, an undo deleting what an import made)
 * asks the database, so a table added later is counted without a change there.
 */
public final class ForeignKeys {
    /** A foreign key to the table: the referencing table, its column holding the id, the one holding the tenant (null if none). */
    public record Reference(String schema, String table, String column, String tenantColumn, long tableOid) {
        public String qualified() {
            return DSL.name(schema, table).toString();
        }

        /** "pedidos", "rewards.user_redemptions": how pages and logs name it. */
        public String label() {
            return schema.equals("public") ? table : schema + "." + table;
        }

        /** {@code EXISTS} a row of this table, aliased x, pointing to {@code alias}'s row (its id and tenant_id columns). */
        public String exists(String alias, String extraCondition) {
            String scope = tenantColumn == null ? "" : "x." + DSL.name(tenantColumn) + " = " + alias + ".tenant_id AND ";
            return "EXISTS (SELECT 1 FROM " + qualified() + " x WHERE " + scope + "x." + DSL.name(column) + " = " + alias + ".id"
                    + (extraCondition == null ? "" : " AND " + extraCondition) + ")";
        }
    }

    private ForeignKeys() {}

    /** Every foreign key to {@code table} ("public.customers") that holds its id column, in a stable order. */
    public static List<Reference> referencing(DSLContext dsl, String table) {
        List<Reference> found = new ArrayList<>();
        for (String[] fk : Jdbc.list(dsl, """
                SELECT n.nspname, t.relname,
                       (SELECT a.attname FROM unnest(con.conkey, con.confkey) AS k(col, ref)
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
                          JOIN pg_attribute r ON r.attrelid = con.confrelid AND r.attnum = k.ref WHERE r.attname = 'id'),
                       (SELECT a.attname FROM unnest(con.conkey, con.confkey) AS k(col, ref)
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
                          JOIN pg_attribute r ON r.attrelid = con.confrelid AND r.attnum = k.ref WHERE r.attname = 'tenant_id'),
                       con.conrelid::oid::text
                  FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE con.contype = 'f' AND con.confrelid = ?::regclass
                 ORDER BY n.nspname, t.relname, con.conname""",
                r -> new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)}, table)) {
            if (fk[2] == null) continue; // a key that does not hold the id (another unique column): not a use of the row
            found.add(new Reference(fk[0], fk[1], fk[2], fk[3], Long.parseLong(fk[4])));
        }
        return found;
    }
}
