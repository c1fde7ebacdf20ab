package dev.mostrador.platform.backup;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares a restored database with its archive's manifest: the schema version, the rows of every
 * table and of every tenant in it, every foreign key holding (no orphan rows), every tenant-owned
 * row having a tenant, and the app's own invariants. Read from the database, never from the load.
 */
public final class RestoreChecks {
    private RestoreChecks() {}

    public static List<DrillLine> run(DataSource restored, BackupManifest manifest, List<Invariant> invariants) {
        List<DrillLine> lines = new ArrayList<>();
        try (Connection c = restored.getConnection()) {
            List<BackupManifest.AppliedMigration> applied = FlywayHistory.applied(c);
            lines.add(DrillLine.of("schema version", "V" + manifest.schemaVersion(), "V" + FlywayHistory.current(applied)));
            lines.add(DrillLine.of("migration checksums", checksums(manifest.migrations()), checksums(applied)));
            for (BackupManifest.TableEntry table : manifest.tables()) lines.addAll(rows(c, table));
            lines.add(orphans(c));
            lines.add(tenantless(c));
        } catch (SQLException e) {
            throw new BackupException("the checks of the restored copy failed: " + e.getMessage(), e);
        }
        DSLContext dsl = DSL.using(restored, SQLDialect.POSTGRES);
        for (Invariant invariant : invariants) {
            lines.add(DrillLine.of(invariant.name(), "0 rows off", invariant.violations().applyAsLong(dsl) + " rows off"));
        }
        return lines;
    }

    private static String checksums(List<BackupManifest.AppliedMigration> migrations) {
        int hash = Objects.hash(migrations.stream().map(m -> m.version().replaceFirst("^0+(?=.)", "") + ":" + m.checksum()).toArray());
        return migrations.size() + " migrations, #" + Integer.toHexString(hash);
    }

    private static List<DrillLine> rows(Connection c, BackupManifest.TableEntry table) throws SQLException {
        String qualified = SchemaCatalog.quote(table.schema()) + "." + SchemaCatalog.quote(table.table());
        long count = count(c, "SELECT count(*) FROM " + qualified);
        List<DrillLine> lines = new ArrayList<>();
        lines.add(DrillLine.of("rows " + table.label(), table.rows(), count));
        if (table.rowsByTenant() != null) {
            Map<String, Long> actual = BackupWriter.rowsByTenant(c,
                    new SchemaCatalog.Table(table.schema(), table.table(), table.columns()));
            TreeSet<String> tenants = new TreeSet<>(actual.keySet());
            tenants.addAll(table.rowsByTenant().keySet());
            long same = 0;
            for (String tenant : tenants) {
                long want = table.rowsByTenant().getOrDefault(tenant, 0L);
                long got = actual.getOrDefault(tenant, 0L);
                if (want == got) same++;
                else lines.add(DrillLine.of("rows " + table.label() + " of tenant " + tenant, want, got));
            }
            if (same == tenants.size() && !tenants.isEmpty()) {
                String each = tenants.size() == 1 ? "1 tenant" : tenants.size() + " tenants";
                lines.set(0, new DrillLine("rows " + table.label() + " (" + each + ", each equal)",
                        String.valueOf(table.rows()), String.valueOf(count), table.rows() == count));
            }
        }
        return lines;
    }

    /** Rows whose foreign key points to nothing (a key with a null column is not checked, as PostgreSQL does). */
    private static DrillLine orphans(Connection c) throws SQLException {
        List<SchemaCatalog.ForeignKey> keys = SchemaCatalog.foreignKeys(c);
        long orphans = 0;
        List<String> broken = new ArrayList<>();
        for (SchemaCatalog.ForeignKey k : keys) {
            StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + SchemaCatalog.quoteLabel(k.child()) + " c WHERE ");
            StringBuilder match = new StringBuilder();
            for (int i = 0; i < k.childColumns().size(); i++) {
                String child = "c." + SchemaCatalog.quote(k.childColumns().get(i));
                sql.append(child).append(" IS NOT NULL AND ");
                match.append(i == 0 ? "" : " AND ").append("p.").append(SchemaCatalog.quote(k.parentColumns().get(i))).append(" = ").append(child);
            }
            sql.append("NOT EXISTS (SELECT 1 FROM ").append(SchemaCatalog.quoteLabel(k.parent())).append(" p WHERE ").append(match).append(")");
            long n = count(c, sql.toString());
            if (n > 0) broken.add(k.child() + "." + k.name());
            orphans += n;
        }
        return new DrillLine("orphan rows (" + keys.size() + " foreign keys)" + (broken.isEmpty() ? "" : " in " + broken), "0",
                String.valueOf(orphans), orphans == 0);
    }

    /** Rows of tenant-owned tables whose tenant is missing or unknown. */
    private static DrillLine tenantless(Connection c) throws SQLException {
        if (count(c, "SELECT count(*) FROM pg_class WHERE oid = to_regclass('public.tenants')") == 0) {
            return new DrillLine("rows without a tenant", "0", "no tenants table", false);
        }
        long missing = 0;
        int owned = 0;
        for (SchemaCatalog.Table t : SchemaCatalog.tables(c)) {
            if (!t.tenantOwned()) continue;
            owned++;
            missing += count(c, "SELECT count(*) FROM " + t.qualified() + " t WHERE t.tenant_id IS NULL "
                    + "OR NOT EXISTS (SELECT 1 FROM public.tenants x WHERE x.id = t.tenant_id)");
        }
        return new DrillLine("rows without a tenant (" + owned + " tenant-owned tables)", "0", String.valueOf(missing), missing == 0);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
