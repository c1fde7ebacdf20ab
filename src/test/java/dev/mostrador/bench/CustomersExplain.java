package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.util.UUID;

/** EXPLAIN (ANALYZE, BUFFERS) of the customers list's search page and its bounded count, as CustomerQuery sends them. */
final class CustomersExplain {
    private CustomersExplain() {}

    /**
     * The plans at full size without the load: seeds BENCH_CUSTOMERS (500,000) customers into the database of
     * EXPLAIN_DATABASE_URL (a scratch one, migrated: {@code DATABASE_URL=... java -jar target/mostrador.jar migrate}) and prints them.
     */
    public static void main(String[] args) throws Exception {
        String url = System.getenv("EXPLAIN_DATABASE_URL");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            DSLContext dsl = org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.POSTGRES);
            String slug = "explain-" + UUID.randomUUID().toString().substring(0, 6);
            UUID tenant = new dev.mostrador.platform.tenants.TenantRepository(dsl).create(dsl, null,
                    dev.mostrador.platform.tenants.TenantRepository.NewTenant.named(slug, "Explain")).id();
            int n = BenchSetup.intEnv("BENCH_CUSTOMERS", 500_000);
            OfertasBenchmark.say("seeded %,d customers in %.1f s", n, CustomersSeed.load(dsl, tenant, n, java.util.List.of()));
            print(dsl, tenant);
        }
    }

    static void print(DSLContext dsl, UUID tenant) {
        // As CustomerQuery sends them: the stored folded text on its trigram index; newest first (a search's default).
        String where = " WHERE c.tenant_id = ? AND c.search_text LIKE '%' || crm_fold(?) || '%'";
        for (String q : new String[] {"mar", "pena", "raul", "acuna", "56912", "zzzq"}) {
            explain(dsl, "search '" + q + "', newest first, first page", "SELECT c.id, c.name FROM customers c" + where
                    + " ORDER BY c.id DESC LIMIT 26", tenant, q);
            explain(dsl, "search '" + q + "', by name (asked for), first page", "SELECT c.id, c.name FROM customers c" + where
                    + " ORDER BY lower(c.name), c.id LIMIT 26", tenant, q);
            explain(dsl, "count '" + q + "' (capped at 100)", "SELECT count(*) FROM (SELECT 1 FROM customers c" + where + " LIMIT 101) s",
                    tenant, q);
        }
        explain(dsl, "no filter, by name", "SELECT c.id FROM customers c WHERE c.tenant_id = ? ORDER BY lower(c.name), c.id LIMIT 26", tenant);
        explain(dsl, "count, no filter (capped)", "SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = ? LIMIT 1001) s", tenant);
        explain(dsl, "city = 'arica' count (capped)", "SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = ? "
                + "AND coalesce(crm_fold(c.city), '') = crm_fold('Arica') LIMIT 1001) s", tenant);
        explain(dsl, "interest filter, by name", "SELECT c.id FROM customers c WHERE c.tenant_id = ? AND EXISTS (SELECT 1 FROM customer_intereses ci "
                + "WHERE ci.tenant_id = c.tenant_id AND ci.customer_id = c.id AND ci.interes_id = (SELECT min(id) FROM intereses WHERE tenant_id = ?)) "
                + "ORDER BY lower(c.name), c.id LIMIT 26", tenant, tenant);
    }

    private static void explain(DSLContext dsl, String title, String sql, Object... binds) {
        OfertasBenchmark.say("EXPLAIN %s:", title);
        dsl.fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, binds).forEach(r -> OfertasBenchmark.say("    %s", r.get(0)));
    }
}
