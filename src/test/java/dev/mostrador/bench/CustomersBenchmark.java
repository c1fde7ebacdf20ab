package dev.mostrador.bench;

import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark of issue 14's customers (not a test: {@code mvn -B -q -Pbench -Dbench.main=dev.mostrador.bench.CustomersBenchmark
 * test-compile exec:exec}). Seeds BENCH_CUSTOMERS (500,000) customers with set-based SQL ({@link CustomersSeed}), prints the
 * plans of the search and its count (CustomersExplain), then 16 concurrent clients on loopback, end to end over HTTP: the
 * customers search by a 3-5 letter fragment, as the JSON API (100 rows) and as the HTML page (25 rows), p99 &lt; 20 ms, and a
 * customer's page p99 &lt; 15 ms; then pgbench on the search page's SQL alone ({@link CustomersPgBench}). Settings: BENCH_CUSTOMERS, BENCH_CLIENTS (16), BENCH_WARMUP_SECONDS (10), BENCH_SECONDS (15),
 * BENCH_ONLY, BENCH_STRICT (see OfertasBenchmark), BENCH_EXPLAIN (true), BENCH_REUSE (with BENCH_DATA_DIR: an earlier run's customers).
 */
public final class CustomersBenchmark {
    private static final String PASSWORD = "benchmark staff password";

    public static void main(String[] args) throws Exception {
        int clients = BenchSetup.intEnv("BENCH_CLIENTS", 16);
        int size = BenchSetup.intEnv("BENCH_CUSTOMERS", 500_000);
        Duration warmup = Duration.ofSeconds(BenchSetup.intEnv("BENCH_WARMUP_SECONDS", 10));
        Duration measure = Duration.ofSeconds(BenchSetup.intEnv("BENCH_SECONDS", 15));
        long t0 = System.nanoTime();
        boolean passed;
        try (BenchServer server = BenchServer.start()) {
            DSLContext dsl = server.app().database().dsl();
            String base = server.baseUrl();
            OfertasBenchmark.say("app on %s (started in %d ms)", base, (System.nanoTime() - t0) / 1_000_000);
            server.databaseSettings().describe().forEach(OfertasBenchmark::say);
            String runId = UUID.randomUUID().toString().substring(0, 6);
            // BENCH_REUSE (with BENCH_DATA_DIR): the tenant an earlier run seeded with as many customers, when there is one.
            UUID seeded = "true".equalsIgnoreCase(System.getenv("BENCH_REUSE")) ? dsl.fetchOptional("SELECT t.id FROM tenants t "
                    + "WHERE t.slug LIKE 'bench-clientes-%' AND (SELECT count(*) FROM customers c WHERE c.tenant_id = t.id) = ? LIMIT 1", size)
                    .map(r -> r.get(0, UUID.class)).orElse(null) : null;
            UUID tenant = seeded != null ? seeded : dsl.transactionResult(cfg -> new TenantRepository(cfg.dsl()).create(cfg.dsl(), null,
                    TenantRepository.NewTenant.named("bench-clientes-" + runId, "Bench clientes"))).id();
            BenchSetup.Staff staff = BenchSetup.staff(base, dsl, tenant, clients, "run-" + runId + ".test", PASSWORD);
            if (seeded == null) {
                List<Long> vendedores = dsl.fetch("SELECT id FROM users WHERE tenant_id = ? AND role = 'vendedor'", tenant).getValues(0, Long.class);
                double seconds = CustomersSeed.load(dsl, tenant, size, vendedores);
                OfertasBenchmark.say("seed: %,d customers (%,d with interests) in %.1f s", size,
                        dsl.fetchValue("SELECT count(DISTINCT customer_id) FROM customer_intereses WHERE tenant_id = ?", tenant), seconds);
            } else {
                OfertasBenchmark.say("seed: reused the %,d customers of an earlier run (BENCH_REUSE)", size);
            }
            dsl.execute("CHECKPOINT");
            if (!"false".equalsIgnoreCase(System.getenv("BENCH_EXPLAIN"))) CustomersExplain.print(dsl, tenant);

            List<String> tokens = staff.vendedorTokens();
            String cookie = staff.oficinaCookie();
            List<Long> customers = dsl.fetch("SELECT id FROM customers WHERE tenant_id = ? ORDER BY id", tenant).getValues(0, Long.class);
            List<LoadRunner.Scenario> scenarios = new ArrayList<>();
            scenarios.add(new LoadRunner.Scenario("GET /api/v1/rewards/customers?q=<3-5 letters>",
                    i -> RewardsBenchmark.get(base + "/api/v1/rewards/customers?q=" + fragment(), tokens.get(i % tokens.size())), 200, 20));
            scenarios.add(new LoadRunner.Scenario("GET /recompensas/clientes?q=<3-5 letters> (page)",
                    i -> page(base + "/recompensas/clientes?q=" + fragment(), cookie), 200, 20));
            scenarios.add(new LoadRunner.Scenario("GET /recompensas/clientes/N (customer page)",
                    i -> page(base + "/recompensas/clientes/" + customers.get(ThreadLocalRandom.current().nextInt(customers.size())), cookie), 200, 15));

            LoadRunner runner = new LoadRunner(clients, warmup, warmup.plusSeconds(10), measure, 2_000_000);
            List<LoadRunner.Result> results = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            for (LoadRunner.Scenario scenario : scenarios) {
                if (!OfertasBenchmark.selected(scenario)) continue;
                CpuUsage.Measured window = new CpuUsage.Measured(server.databasePid(), dsl);
                LoadRunner.Result result = runner.runAll(List.of(scenario), OfertasBenchmark::say, s -> window).get(0);
                results.add(result);
                cpu.addAll(window.describe(scenario.name(), result.requests()));
            }
            // PostgreSQL alone on the search's SQL, same database, same clients: the floor under the app's figure.
            List<String> compared = List.of();
            LoadRunner.Result searched = results.stream().filter(r -> r.scenario().name().contains("(page)")).findFirst().orElse(null);
            var pgbench = searched == null ? java.util.Optional.<PgBench>empty() : PgBench.find(server.databaseSettings(), dsl);
            if (pgbench.isPresent()) {
                OfertasBenchmark.say("pgbench: %s", pgbench.get().version());
                PgBench.Run run = CustomersPgBench.search(pgbench.get(), dsl, tenant, server.databasePid(), clients,
                        BenchSetup.intEnv("BENCH_PGBENCH_THREADS", 2), Duration.ofSeconds(5), measure);
                if (run.ok()) compared = PedidosPgBench.compare(searched, run);
            }
            System.out.println();
            System.out.print(BenchmarkTable.render(results));
            System.out.println();
            compared.forEach(System.out::println);
            cpu.forEach(line -> OfertasBenchmark.say("%s", line));
            for (LoadRunner.Result r : results) {
                OfertasBenchmark.say("%s: mean response %.1f KB, %d errors%s", r.scenario().name(), r.meanResponseBytes() / 1024,
                        r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
            }
            OfertasBenchmark.say("%d concurrent clients, closed loop; %d s warm-up + %d s measured per endpoint; fragments drawn from %d "
                    + "(common and rare, CustomersSeed.FRAGMENTS)", clients, warmup.toSeconds(), measure.toSeconds(), CustomersSeed.FRAGMENTS.size());
            passed = results.stream().allMatch(LoadRunner.Result::passed);
        }
        OfertasBenchmark.say("done in %d s", (System.nanoTime() - t0) / 1_000_000_000);
        System.exit("true".equalsIgnoreCase(System.getenv("BENCH_STRICT")) && !passed ? 1 : 0);
    }

    private static String fragment() {
        List<String> f = CustomersSeed.FRAGMENTS;
        return java.net.URLEncoder.encode(f.get(ThreadLocalRandom.current().nextInt(f.size())), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpRequest page(String url, String cookie) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
    }
}
