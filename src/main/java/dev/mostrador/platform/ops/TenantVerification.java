package dev.mostrador.platform.ops;

import dev.mostrador.platform.db.ForeignKeys;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 002's count query for every tenant-owned table (every table with a tenant_id column, in any
 * schema, read from pg_catalog so a table added later is counted): rows per tenant, rows without a
 * tenant, and rows of a foreign key without tenant_id whose referenced row is another tenant's.
 */
public final class TenantVerification {
    /** A table's rows by tenant id (text), and those with a null tenant_id. */
    public record TableCount(String schema, String table, Map<String, Long> byTenant, long withoutTenant) {
        public String label() {
            return schema.equals("public") ? table : schema + "." + table;
        }

        public long rows() {
            return withoutTenant + byTenant.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A key between tenant-owned tables; {@code crossing} is null when it holds tenant_id (it cannot cross). */
    public record LinkCount(ForeignKeys.TenantLink link, Long crossing) {}

    public record Report(List<TableCount> tables, List<LinkCount> links, Map<String, String> slugs) {
        public long withoutTenant() {
            return tables.stream().mapToLong(TableCount::withoutTenant).sum();
        }

        public long crossing() {
            return links.stream().mapToLong(l -> l.crossing() == null ? 0 : l.crossing()).sum();
        }

        public boolean clean() {
            return withoutTenant() == 0 && crossing() == 0;
        }

        /** Rows per tenant id over every table, the tenants of the tenants table first (even with no rows). */
        public Map<String, Long> rowsPerTenant() {
            Map<String, Long> rows = new LinkedHashMap<>();
            slugs.keySet().forEach(id -> rows.put(id, 0L));
            for (TableCount t : tables) t.byTenant().forEach((id, n) -> rows.merge(id, n, Long::sum));
            return rows;
        }
    }

    private TenantVerification() {}

    public static Report run(DSLContext dsl) {
        List<String[]> owned = Jdbc.list(dsl, """
                SELECT n.nspname, c.relname FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                 ORDER BY n.nspname, c.relname""", r -> new String[] {r.getString(1), r.getString(2)});
        List<TableCount> tables = owned.stream().map(t -> count(dsl, t[0], t[1])).toList();
        List<LinkCount> links = ForeignKeys.betweenTenantTables(dsl).stream()
                .map(l -> new LinkCount(l, l.holdsTenant() ? null : dsl.fetchValue(l.crossingRowsSql()) instanceof Number n ? n.longValue() : 0L))
                .toList();
        return new Report(tables, links, slugs(dsl));
    }

    private static TableCount count(DSLContext dsl, String schema, String table) {
        Map<String, Long> byTenant = new TreeMap<>();
        long[] without = {0};
        Jdbc.list(dsl, "SELECT tenant_id::text, count(*) FROM " + DSL.name(schema, table) + " GROUP BY 1", r -> {
            if (r.getString(1) == null) without[0] = r.getLong(2);
            else byTenant.put(r.getString(1), r.getLong(2));
            return null;
        });
        return new TableCount(schema, table, byTenant, without[0]);
    }

    private static Map<String, String> slugs(DSLContext dsl) {
        Map<String, String> slugs = new LinkedHashMap<>();
        if (dsl.fetchValue("SELECT to_regclass('public.tenants')") == null) return slugs;
        Jdbc.list(dsl, "SELECT id::text, slug FROM public.tenants ORDER BY slug", r -> slugs.put(r.getString(1), r.getString(2)));
        return slugs;
    }
}
