package dev.mostrador.platform.db;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys that point to a table, read from pg_catalog: a feature that must know "does
 * anything use this row" (a merge moving a customer's rows, an undo deleting what an import made)
 * asks the database, so a table added later is counted without a change there. The keys between
 * tenant-owned tables ({@link #betweenTenantTables}) are what {@code tenants verify} checks.
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

    /**
     * A foreign key between two tables that both have a tenant_id column: its columns in pairs
     * (referencing, referenced). One whose pairs include tenant_id = tenant_id cannot point into
     * another tenant; one without may, and a verification counts the rows that do.
     */
    public record TenantLink(String name, String schema, String table, String refSchema, String refTable,
                             List<String> columns, List<String> refColumns) {
        public boolean holdsTenant() {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equals("tenant_id") && refColumns.get(i).equals("tenant_id")) return true;
            }
            return false;
        }

        public String label() {
            return (schema.equals("public") ? table : schema + "." + table) + " → "
                    + (refSchema.equals("public") ? refTable : refSchema + "." + refTable);
        }

        /** Rows of the referencing table whose referenced row belongs to another tenant. */
        public String crossingRowsSql() {
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                join.append(i == 0 ? "" : " AND ").append("r.").append(DSL.name(refColumns.get(i))).append(" = x.").append(DSL.name(columns.get(i)));
            }
            return "SELECT count(*) FROM " + DSL.name(schema, table) + " x JOIN " + DSL.name(refSchema, refTable) + " r ON " + join
                    + " WHERE r.tenant_id IS DISTINCT FROM x.tenant_id";
        }
    }

    private ForeignKeys() {}

    /** Every foreign key whose two tables have a tenant_id column, in a stable order. */
    public static List<TenantLink> betweenTenantTables(DSLContext dsl) {
        return Jdbc.list(dsl, """
                SELECT con.conname, n.nspname, t.relname, rn.nspname, rt.relname,
                       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(col, i)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col ORDER BY k.i),
                       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(col, i)
                               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.col ORDER BY k.i)
                  FROM pg_constraint con
                  JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_class rt ON rt.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rt.relnamespace
                 WHERE con.contype = 'f' AND NOT t.relispartition AND con.conparentid = 0
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                 ORDER BY n.nspname, t.relname, con.conname""",
                r -> new TenantLink(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        List.of((String[]) r.getArray(6).getArray()), List.of((String[]) r.getArray(7).getArray())));
    }

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
