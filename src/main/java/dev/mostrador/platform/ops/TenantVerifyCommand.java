package dev.mostrador.platform.ops;

import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tenants verify}: every tenant-owned table's rows per tenant, none without a tenant, no key across tenants. */
@Command(name = "verify", description = {"Count every tenant-owned table's rows per tenant; exit 1 when a row has no tenant",
        "or a foreign key points into another tenant (seed 002's count query, for every table)."})
public final class TenantVerifyCommand implements Callable<Integer> {
    @Option(names = "--tenant", paramLabel = "SLUG", description = "Also list this tenant's rows table by table.")
    String tenant;

    @Override
    public Integer call() {
        TenantVerification.Report report;
        try (Database db = Database.open(Config.fromEnv())) {
            report = TenantVerification.run(db.dsl());
        }
        if (tenant != null && !report.slugs().containsValue(tenant)) {
            throw new IllegalArgumentException("no tenant has the slug '" + tenant + "'");
        }
        print(report, System.out);
        return report.clean() ? 0 : 1;
    }

    private void print(TenantVerification.Report report, PrintStream out) {
        out.println("Tenant-owned tables (a tenant_id column)");
        TextTable tables = new TextTable("table", "rows#", "tenants#", "without tenant#");
        for (TenantVerification.TableCount t : report.tables()) {
            tables.row(t.label(), t.rows(), t.byTenant().size(), t.withoutTenant() == 0 ? "0" : t.withoutTenant() + "  ← must be 0");
        }
        tables.print(out);

        out.println();
        out.println("Rows per tenant");
        TextTable tenants = new TextTable("tenant", "id", "rows#");
        report.rowsPerTenant().forEach((id, rows) -> tenants.row(report.slugs().getOrDefault(id, "(not in tenants)"), id, rows));
        tenants.print(out);

        if (tenant != null) {
            String id = report.slugs().entrySet().stream().filter(e -> e.getValue().equals(tenant)).findFirst().map(Map.Entry::getKey).orElseThrow();
            out.println();
            out.println("Rows of " + tenant + " per table");
            TextTable own = new TextTable("table", "rows#");
            report.tables().forEach(t -> own.row(t.label(), t.byTenant().getOrDefault(id, 0L)));
            own.print(out);
        }

        out.println();
        out.println("Foreign keys between tenant-owned tables");
        TextTable links = new TextTable("foreign key", "from → to", "rows in another tenant");
        int held = 0;
        for (TenantVerification.LinkCount l : report.links()) {
            if (l.crossing() == null) held++;
            links.row(l.link().name(), l.link().label(), l.crossing() == null ? "cannot cross (includes tenant_id)"
                    : l.crossing() == 0 ? "0" : l.crossing() + "  ← must be 0");
        }
        links.print(out);

        out.println();
        out.println(CommandSupport.english("{0}: {1, plural, one {# table} other {# tables}}, {2, plural, one {# tenant} other {# tenants}},"
                        + " {3, plural, one {# row} other {# rows}} without a tenant, {4, plural, one {# row} other {# rows}} pointing into"
                        + " another tenant ({5} of {6, plural, one {# foreign key} other {# foreign keys}} include tenant_id and cannot cross).",
                report.clean() ? "OK" : "FAILED", report.tables().size(), report.rowsPerTenant().size(), report.withoutTenant(),
                report.crossing(), held, report.links().size()));
    }
}
