package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customers benchmark's pgbench side: the search page's statements as CustomerQuery sends
 * them (the first 101 matching ids newest first among the newest SEARCH_WALK, and from the trigram
 * index when fewer, which give the count bounded at 100, then the first 26 of those rows with the vendedor's and creator's names and the interests), for a
 * fragment drawn from the same list, on the same database in the same run. What it leaves out and the app does: the session, the filters' lists
 * for the form, HTML, HTTP.
 */
final class CustomersPgBench {
    private static final String WHERE = "WHERE c.tenant_id = :tenant AND c.search_text LIKE '%' || crm_fold(:q) || '%'";

    private CustomersPgBench() {}

    static PgBench.Run search(PgBench pgbench, DSLContext dsl, UUID tenant, long databasePid, int clients, int threads, Duration warmup,
                              Duration duration) {
        dsl.execute("CREATE SCHEMA IF NOT EXISTS bench_pgbench");
        dsl.execute("DROP TABLE IF EXISTS bench_pgbench.fragments");
        dsl.execute("CREATE TABLE bench_pgbench.fragments (n int PRIMARY KEY, q text NOT NULL)");
        List<String> fragments = CustomersSeed.FRAGMENTS;
        for (int i = 0; i < fragments.size(); i++) dsl.execute("INSERT INTO bench_pgbench.fragments VALUES (?, ?)", i + 1, fragments.get(i));
        String script = "\\set f random(1, " + fragments.size() + ")\n"
                + "SELECT q FROM bench_pgbench.fragments WHERE n = :f \\gset\n"
                // CustomerQuery.searchFirstPage: the newest SEARCH_WALK walked; fewer than 101 found, the trigram index.
                + "SELECT coalesce(array_agg(id), '{}') AS ids, count(*) AS found FROM (SELECT w.id FROM (SELECT c.id, c.search_text "
                + "FROM customers c WHERE (c.tenant_id, c.id) >= (:tenant, -9223372036854775808) AND (c.tenant_id, c.id) <= (:tenant, "
                + "9223372036854775807) ORDER BY c.tenant_id DESC, c.id DESC LIMIT " + dev.mostrador.customers.CustomerQuery.SEARCH_WALK
                + ") w WHERE w.search_text LIKE (SELECT '%' || crm_fold(:q) || '%') LIMIT 101) s \\gset\n"
                + "\\if :found < 101\n"
                + "SELECT coalesce(array_agg(id), '{}') AS ids FROM (SELECT c.id FROM customers c " + WHERE
                + " ORDER BY c.id + 0 DESC LIMIT 101) s \\gset\n"
                + "\\endif\n"
                + "SELECT c.id, c.name, c.email, c.phone, c.phone_alt, c.tax_id, c.address, c.city, c.status, c.preferred, c.vendedor_id, v.name, "
                + "c.lumis_balance, c.notes, c.source, c.created_by, cb.name, c.created_at, ii.ids, ii.names, lower(c.name), "
                + "coalesce(crm_fold(c.city), '') FROM customers c LEFT JOIN users v ON v.tenant_id = c.tenant_id AND v.id = c.vendedor_id "
                + "LEFT JOIN users cb ON cb.tenant_id = c.tenant_id AND cb.id = c.created_by LEFT JOIN LATERAL (SELECT array_agg(i.id ORDER BY "
                + "lower(i.nombre), i.id) ids, array_agg(i.nombre ORDER BY lower(i.nombre), i.id) names FROM customer_intereses ci JOIN intereses i "
                + "ON i.tenant_id = ci.tenant_id AND i.id = ci.interes_id WHERE ci.tenant_id = c.tenant_id AND ci.customer_id = c.id) ii ON true "
                + "WHERE c.tenant_id = :tenant AND c.id = ANY(((:ids)::bigint[])[1:26]);\n";
        String name = "pgbench: the search's SQL (first 101 ids + page)";
        OfertasBenchmark.say("%s: %d clients, -j %d, %d s warm-up + %d s measured ...", name, clients, threads, warmup.toSeconds(), duration.toSeconds());
        CpuUsage.Measured window = new CpuUsage.Measured(databasePid, dsl);
        PgBench.Run run = pgbench.run(name, script, clients, threads, warmup, duration, Map.of("tenant", tenant.toString()), window);
        if (!run.ok()) {
            OfertasBenchmark.say("%s failed: %s", name, run.error());
        } else {
            OfertasBenchmark.say("%s: %,d searches, %.0f/s, p50 %.1f ms, p99 %.1f ms", name, run.transactions(), run.tps(),
                    run.percentileMillis(50), run.percentileMillis(99));
            window.describe(name, run.transactions()).forEach(line -> OfertasBenchmark.say("%s", line));
        }
        dsl.execute("DROP SCHEMA IF EXISTS bench_pgbench CASCADE");
        return run;
    }
}
