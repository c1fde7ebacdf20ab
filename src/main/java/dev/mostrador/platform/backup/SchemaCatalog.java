package dev.mostrador.platform.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The app's tables, foreign keys and sequences as pg_catalog lists them: a table a later migration
 * adds (in any schema) is backed up, restored and checked without a change here. Flyway's history
 * and extensions' own objects are not the app's data.
 */
public final class SchemaCatalog {
    /** A table and the columns a COPY writes (generated ones are computed again on load). */
    public record Table(String schema, String name, List<String> columns) {
        public String qualified() {
            return quote(schema) + "." + quote(name);
        }

        public String label() {
            return schema + "." + name;
        }

        public boolean tenantOwned() {
            return columns.contains("tenant_id");
        }

        public String columnList() {
            return String.join(", ", columns.stream().map(SchemaCatalog::quote).toList());
        }
    }

    /** A foreign key: its child and parent tables with their columns, and its definition to create it again. */
    public record ForeignKey(String name, String child, List<String> childColumns, String parent, List<String> parentColumns,
                             String definition) {}

    public record Sequence(String schema, String name) {
        public String qualified() {
            return quote(schema) + "." + quote(name);
        }
    }

    private static final String APP_RELATIONS = """
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
             AND c.relpersistence <> 't' AND c.relname <> 'flyway_schema_history'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

    private SchemaCatalog() {}

    public static List<Table> tables(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        String sql = "SELECT n.nspname, c.relname, array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid "
                + "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) "
                + APP_RELATIONS + " AND c.relkind = 'r' ORDER BY 1, 2";
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                tables.add(new Table(r.getString(1), r.getString(2), Arrays.asList((String[]) r.getArray(3).getArray())));
            }
        }
        return tables;
    }

    public static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        String sql = """
                SELECT con.conname, cn.nspname || '.' || ct.relname,
                       array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
                       pn.nspname || '.' || pt.relname,
                       array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i),
                       pg_get_constraintdef(con.oid)
                  FROM pg_constraint con
                  JOIN pg_class ct ON ct.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = ct.relnamespace
                  JOIN pg_class pt ON pt.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pt.relnamespace
                 WHERE con.contype = 'f' AND cn.nspname NOT IN ('pg_catalog', 'information_schema')
                 ORDER BY 2, 1""";
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                keys.add(new ForeignKey(r.getString(1), r.getString(2), Arrays.asList((String[]) r.getArray(3).getArray()),
                        r.getString(4), Arrays.asList((String[]) r.getArray(5).getArray()), r.getString(6)));
            }
        }
        return keys;
    }

    public static List<Sequence> sequences(Connection connection) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT n.nspname, c.relname " + APP_RELATIONS
                + " AND c.relkind = 'S' ORDER BY 1, 2"); ResultSet r = s.executeQuery()) {
            while (r.next()) sequences.add(new Sequence(r.getString(1), r.getString(2)));
        }
        return sequences;
    }

    /** Tables, views and sequences of anyone but PostgreSQL and its extensions (Flyway's history counts): 0 in an empty database. */
    public static long userRelations(Connection connection) throws SQLException {
        String sql = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
                + "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relpersistence <> 't' "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** An identifier quoted for SQL, whatever it holds. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** "public.customers" to {@code "public"."customers"}. */
    public static String quoteLabel(String label) {
        int dot = label.indexOf('.');
        return quote(label.substring(0, dot)) + "." + quote(label.substring(dot + 1));
    }
}
