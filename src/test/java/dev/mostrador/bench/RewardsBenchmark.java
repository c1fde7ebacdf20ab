package dev.mostrador.bench;

import dev.mostrador.rewards.RewardsSeed;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark of the issue "Rewards" (not a test: {@code mvn -B -q -Pbench -Dbench.main=dev.mostrador.bench.RewardsBenchmark
 * test-compile exec:exec}). Loads seed 001's capacity with the seed command's code (1,000,000
 * redemptions, 10,000 offers, 1,000 merchants, 50,000 customers), then 16 concurrent clients on
 * loopback, each endpoint end to end over HTTP: landing page p99 &lt; 10 ms, merchant code lookup
 * p99 &lt; 5 ms, confirm p99 &lt; 20 ms, active offers p99 &lt; 10 ms, a customer's redemptions
 * p99 &lt; 15 ms. Settings: BENCH_REDEMPTIONS (1,000,000), BENCH_CLIENTS (16),
 * BENCH_WARMUP_SECONDS (10), BENCH_SECONDS (15), BENCH_ONLY, BENCH_STRICT (see OfertasBenchmark).
 * Prints the database's durability settings, read from the server, and compares the look-up and
 * the confirmation with pgbench running their SQL on the same database right after them
 * ({@link RewardsPgBench}; BENCH_PGBENCH: pgbench's path or "off", BENCH_PGBENCH_THREADS (2)):
 * aims, the app at 30% of pgbench's look-ups and 50% of its confirmations.
 */
public final class RewardsBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "benchmark staff password";

    public static void main(String[] args) throws Exception {
        int clients = BenchSetup.intEnv("BENCH_CLIENTS", 16);
        Duration warmup = Duration.ofSeconds(BenchSetup.intEnv("BENCH_WARMUP_SECONDS", 10));
        Duration measure = Duration.ofSeconds(BenchSetup.intEnv("BENCH_SECONDS", 15));
        int redemptions = BenchSetup.intEnv("BENCH_REDEMPTIONS", 1_000_000);
        OfertasBenchmark.say("load average before: %s", String.join(" ", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)).substring(0, 14));
        long t0 = System.nanoTime();
        int exit;
        try (BenchServer server = BenchServer.start()) {
            DSLContext dsl = server.app().database().dsl();
            String base = server.baseUrl();
            OfertasBenchmark.say("app on %s (started in %d ms)", base, (System.nanoTime() - t0) / 1_000_000);
            DatabaseSettings settings = server.databaseSettings();
            settings.describe().forEach(OfertasBenchmark::say);
            long s0 = System.nanoTime();
            RewardsSeed.Result seed = new RewardsSeed(dsl, base).load("bench-rewards",
                    new RewardsSeed.Sizes(1000, 10_000, 50_000, redemptions));
            OfertasBenchmark.say("seed: %,d redemptions, 10,000 offers, 1,000 merchants, 50,000 customers in %.1f s %s",
                    redemptions, (System.nanoTime() - s0) / 1e9, seed.millis());
            // The seed leaves ~1 GB of dirty pages: on a durable server the checkpoint that writes
            // them out would land in the first rows measured. Written now, before any of them.
            long c0 = System.nanoTime();
            dsl.execute("CHECKPOINT");
            OfertasBenchmark.say("checkpoint after the seed: %.1f s", (System.nanoTime() - c0) / 1e9);
            UUID tenant = seed.tenant().id();
            String staff = "staff@bench-rewards.test";
            new UserRepository(dsl).create(dsl, tenant, staff, "Bench Staff", Role.OFICINA, Passwords.hash(PASSWORD));
            String token = BenchSetup.login(base, staff, PASSWORD);
            PointsOfSale pos = PointsOfSale.of(dsl, tenant, clients);

            List<String> anyCodes = strings(dsl, "SELECT redemption_code FROM rewards.user_redemptions TABLESAMPLE SYSTEM (5) WHERE tenant_id = ? LIMIT 20000", tenant);
            List<String> customerIds = strings(dsl, "SELECT id::text FROM customers TABLESAMPLE SYSTEM (10) WHERE tenant_id = ? LIMIT 5000", tenant);
            OfertasBenchmark.say("pools: %,d codes for the landing page, %,d pending codes for %d points of sale, %,d customers",
                    anyCodes.size(), pos.codes(), clients, customerIds.size());

            List<LoadRunner.Scenario> scenarios = List.of(
                    new LoadRunner.Scenario("GET /r/{code} (landing page)",
                            i -> get(base + "/r/" + pick(anyCodes), null), 200, 10),
                    new LoadRunner.Scenario("GET merchant code lookup (API key)",
                            i -> pos.lookUp(base), 200, 5),
                    new LoadRunner.Scenario("POST confirm (API key)",
                            i -> pos.confirm(base), 200, 20),
                    new LoadRunner.Scenario("GET /api/v1/rewards/offers (active)",
                            i -> get(base + "/api/v1/rewards/offers", token), 200, 10),
                    new LoadRunner.Scenario("GET a customer's redemptions",
                            i -> get(base + "/api/v1/rewards/customers/" + pick(customerIds) + "/redemptions", token), 200, 15));
            LoadRunner runner = new LoadRunner(clients, warmup, warmup.plusSeconds(10), measure, 2_000_000);
            LoadRunner confirmRunner = new LoadRunner(clients, Duration.ofSeconds(5), Duration.ofSeconds(5), measure, 2_000_000);
            List<LoadRunner.Result> results = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            long databasePid = server.databasePid();
            // pgbench on the same database in the same run, right after the app's row it compares with.
            RewardsPgBench pgbench = PgBench.find(settings, dsl).map(p -> {
                OfertasBenchmark.say("pgbench: %s", p.version());
                return new RewardsPgBench(p, dsl, tenant, clients, BenchSetup.intEnv("BENCH_PGBENCH_THREADS", 2), Duration.ofSeconds(5), measure, databasePid);
            }).orElse(null);
            List<RewardsPgBench.Pair> compared = new ArrayList<>();
            for (LoadRunner.Scenario scenario : scenarios) {
                if (!OfertasBenchmark.selected(scenario)) continue;
                CpuUsage.Measured window = new CpuUsage.Measured(databasePid, dsl);
                // Every confirmation spends a pending code, and the seed has ~80,000 for these points of
                // sale: after other rows have warmed the same code, the confirm row warms up 5 s only.
                boolean warmed = !results.isEmpty();
                LoadRunner scenarioRunner = scenario.name().startsWith("POST confirm") && warmed ? confirmRunner : runner;
                // The confirmations start right after a checkpoint, as pgbench's do: the most full-page images, the same for both.
                if (scenario.name().startsWith("POST confirm")) RewardsPgBench.checkpoint(dsl);
                LoadRunner.Result result = scenarioRunner.runAll(List.of(scenario), OfertasBenchmark::say, s -> window).get(0);
                results.add(result);
                cpu.addAll(window.describe(scenario.name(), result.requests()));
                if (pgbench != null && scenario.name().startsWith("GET merchant code lookup")) {
                    PgBench.Run run = pgbench.lookUp();
                    if (run.ok()) compared.add(new RewardsPgBench.Pair("merchant code look-up", result, window.millisPerRequest(result.requests()), run, 0.30));
                } else if (pgbench != null && scenario.name().startsWith("POST confirm")) {
                    PgBench.Run run = pgbench.confirm();
                    if (run.ok()) compared.add(new RewardsPgBench.Pair("confirm", result, window.millisPerRequest(result.requests()), run, 0.50));
                }
            }
            if (pgbench != null) pgbench.dropPools();
            System.out.println();
            System.out.print(BenchmarkTable.render(results));
            System.out.println();
            for (LoadRunner.Result r : results) {
                OfertasBenchmark.say("%s: mean response %.1f KB, %d errors%s", r.scenario().name(), r.meanResponseBytes() / 1024,
                        r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
            }
            OfertasBenchmark.say("%d concurrent clients, closed loop; %d s warm-up (confirm after other rows: 5 s) + %d s measured per endpoint; confirmations used %,d of %,d codes",
                    clients, warmup.toSeconds(), measure.toSeconds(), pos.confirmed(), pos.codes());
            if (pos.confirmed() > pos.codes()) {
                OfertasBenchmark.say("the points of sale ran out of pending codes: their later confirmations re-confirmed codes (409); raise BENCH_REDEMPTIONS");
            }
            cpu.forEach(line -> OfertasBenchmark.say("%s", line));
            if (pgbench != null) pgbench.cpu().forEach(line -> OfertasBenchmark.say("%s", line));
            settings.describe().forEach(OfertasBenchmark::say);
            if (!compared.isEmpty()) {
                System.out.println();
                System.out.print(RewardsPgBench.table(compared));
                System.out.println();
                OfertasBenchmark.say("pgbench: the app's SQL without the app, %d clients, -j %d, 5 s warm-up + %d s measured, -M prepared; "
                        + "look-up: the SELECT only (the app also queues an audit row per look-up); confirm: the app's statement, a commit each "
                        + "(%s). CPU ms: CPU time per request of pgbench + PostgreSQL and of this JVM (app and load generator) + PostgreSQL, "
                        + "what the ratio would be with the machine to themselves",
                        clients, BenchSetup.intEnv("BENCH_PGBENCH_THREADS", 2), measure.toSeconds(), settings.durable() ? "durable" : "NOT durable on this database");
            }
            boolean strict = "true".equalsIgnoreCase(System.getenv("BENCH_STRICT"));
            exit = strict && !results.stream().allMatch(LoadRunner.Result::passed) ? 1 : 0;
        }
        OfertasBenchmark.say("done in %d s", (System.nanoTime() - t0) / 1_000_000_000);
        System.exit(exit);
    }

    private static String pick(List<String> pool) {
        return pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
    }

    static HttpRequest get(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return b.build();
    }

    static HttpRequest post(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static List<String> strings(DSLContext dsl, String sql, Object... args) {
        return dsl.fetch(sql, args).getValues(0, String.class);
    }


}
