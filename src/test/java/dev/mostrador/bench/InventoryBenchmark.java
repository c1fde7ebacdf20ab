package dev.mostrador.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.inventory.InventorySeed;
import dev.mostrador.inventory.ReservationExpiry;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.inventory.StockLedger;
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
 * Benchmark of the issue "Inventory" (not a test: {@code mvn -B -q -Pbench -Dbench.main=dev.mostrador.bench.InventoryBenchmark
 * test-compile exec:exec}). Loads the seed-inventario command's data (10,000 products, 1,000,000
 * movements, 50,000 reservations) with its code, then 16 concurrent clients on loopback, end to end
 * over HTTP: a product's stock read p99 &lt; 5 ms, the inventory dashboard p99 &lt; 50 ms, the checkout of
 * a 5-line cart p99 &lt; 20 ms (skipped, saying why, while the cart API answers 404); then times the
 * release job freeing 10,000 expired reservations (&lt; 2 s) and checks the counters against the ledger.
 * Settings: BENCH_PRODUCTS, BENCH_MOVEMENTS, BENCH_RESERVATIONS, BENCH_CLIENTS (16), BENCH_WARMUP_SECONDS (10),
 * BENCH_SECONDS (15), BENCH_EXPIRED (10,000), BENCH_ONLY, BENCH_STRICT (see OfertasBenchmark).
 */
public final class InventoryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "benchmark staff password";
    private static final double RELEASE_TARGET_MILLIS = 2_000;

    public static void main(String[] args) throws Exception {
        int clients = BenchSetup.intEnv("BENCH_CLIENTS", 16);
        Duration warmup = Duration.ofSeconds(BenchSetup.intEnv("BENCH_WARMUP_SECONDS", 10));
        Duration measure = Duration.ofSeconds(BenchSetup.intEnv("BENCH_SECONDS", 15));
        InventorySeed.Sizes sizes = new InventorySeed.Sizes(BenchSetup.intEnv("BENCH_PRODUCTS", 10_000), BenchSetup.intEnv("BENCH_MOVEMENTS", 1_000_000),
                BenchSetup.intEnv("BENCH_RESERVATIONS", 50_000), 0);
        int expired = BenchSetup.intEnv("BENCH_EXPIRED", 10_000);
        long t0 = System.nanoTime();
        boolean passed;
        try (BenchServer server = BenchServer.start()) {
            DSLContext dsl = server.app().database().dsl();
            String base = server.baseUrl();
            OfertasBenchmark.say("app on %s (started in %d ms)", base, (System.nanoTime() - t0) / 1_000_000);
            server.databaseSettings().describe().forEach(OfertasBenchmark::say);
            long s0 = System.nanoTime();
            InventorySeed.Result seed = new InventorySeed(dsl).load("bench-inventario", sizes);
            OfertasBenchmark.say("seed: %,d products, %,d movements, %,d reservations in %.1f s %s", sizes.products(), sizes.movements(),
                    sizes.reservations(), (System.nanoTime() - s0) / 1e9, seed.millis());
            dsl.execute("CHECKPOINT"); // the seed's dirty pages written now, not in the first rows measured
            UUID tenant = seed.tenant().id();
            OfertasBenchmark.say("stock check after the seed: %d drifts", new StockCheck(dsl).drifts(tenant).size());

            BenchSetup.Staff staff = BenchSetup.staff(base, dsl, tenant, clients, "bench-inventario.test", PASSWORD);
            List<String> vendedores = staff.vendedorTokens();
            String cookie = staff.oficinaCookie();
            List<Long> products = dsl.fetch("SELECT id FROM productos WHERE tenant_id = ? ORDER BY id", tenant).getValues(0, Long.class);
            describeStockRead(base, vendedores.get(0), products.get(0));

            List<LoadRunner.Scenario> scenarios = new ArrayList<>(List.of(
                    new LoadRunner.Scenario("GET /api/productos/{id} (stock read)",
                            i -> RewardsBenchmark.get(base + "/api/productos/" + pick(products), vendedores.get(0)), 200, 5),
                    new LoadRunner.Scenario("GET /inventario (dashboard page)",
                            i -> HttpRequest.newBuilder(URI.create(base + "/inventario")).header("Cookie", cookie).GET().build(), 200, 50)));
            CartClients carts = new CartClients(base, vendedores, products);
            int probe = carts.probe();
            if (probe == 404) {
                OfertasBenchmark.say("POST /api/carrito/checkout/: skipped, POST /api/carrito/agregar/ answers 404 (the cart API is not on this branch yet)");
            } else {
                OfertasBenchmark.say("POST /api/carrito/agregar/ answers %d: the checkout row runs", probe);
                scenarios.add(new LoadRunner.Scenario("POST /api/carrito/checkout/ (5-line cart)", carts::checkout, 200, 20));
            }
            LoadRunner runner = new LoadRunner(clients, warmup, warmup.plusSeconds(10), measure, 2_000_000);
            List<LoadRunner.Result> results = new ArrayList<>();
            for (LoadRunner.Scenario scenario : scenarios) {
                if (OfertasBenchmark.selected(scenario)) results.addAll(runner.runAll(List.of(scenario), OfertasBenchmark::say));
            }
            if (probe != 404) OfertasBenchmark.say("cart lines refused while filling carts: %s", carts.refusals());

            double releaseMillis = release(dsl, seed, expired);
            int drifts = new StockCheck(dsl).drifts(tenant).size();
            System.out.println();
            System.out.print(BenchmarkTable.render(results));
            System.out.println();
            for (LoadRunner.Result r : results) {
                OfertasBenchmark.say("%s: mean response %.1f KB, %d errors%s", r.scenario().name(), r.meanResponseBytes() / 1024,
                        r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
            }
            boolean released = releaseMillis >= 0 && releaseMillis < RELEASE_TARGET_MILLIS;
            OfertasBenchmark.say("release job (ReservationExpiry.run, in this JVM): %,d expired reservations freed in %.0f ms, target < %.0f ms: %s",
                    expired, Math.abs(releaseMillis), RELEASE_TARGET_MILLIS, released ? "PASS" : "FAIL");
            OfertasBenchmark.say("stock check after the run: %d drifts %s", drifts, drifts == 0 ? "PASS" : "FAIL");
            OfertasBenchmark.say("%d concurrent clients, closed loop; %d s warm-up + %d s measured per endpoint", clients, warmup.toSeconds(),
                    measure.toSeconds());
            passed = released && drifts == 0 && results.stream().allMatch(LoadRunner.Result::passed);
        }
        OfertasBenchmark.say("done in %d s", (System.nanoTime() - t0) / 1_000_000_000);
        System.exit("true".equalsIgnoreCase(System.getenv("BENCH_STRICT")) && !passed ? 1 : 0);
    }

    /**
     * Releases whatever is already past its time, adds {@code count} expired pending reservations,
     * and times one run of the job over them; negative when it freed fewer than {@code count}.
     */
    private static double release(DSLContext dsl, InventorySeed.Result seed, int count) {
        ReservationExpiry job = new ReservationExpiry(dsl, new StockLedger());
        job.run();
        new InventorySeed(dsl).expired(seed.tenant(), count);
        dsl.execute("VACUUM (ANALYZE) reservas");
        long t0 = System.nanoTime();
        int freed = job.run();
        double millis = (System.nanoTime() - t0) / 1e6;
        if (freed < count) OfertasBenchmark.say("the release job freed %,d of %,d", freed, count);
        return freed >= count ? millis : -millis;
    }

    /** Says which stock fields the product JSON carries (the stock read is only as good as them). */
    private static void describeStockRead(String base, String token, long product) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(RewardsBenchmark.get(base + "/api/productos/" + product, token),
                HttpResponse.BodyHandlers.ofString());
        List<String> fields = new ArrayList<>();
        if (r.statusCode() == 200) JSON.readTree(r.body()).fieldNames().forEachRemaining(f -> { if (f.contains("stock")) fields.add(f); });
        OfertasBenchmark.say("GET /api/productos/%d: HTTP %d, stock fields %s", product, r.statusCode(),
                fields.isEmpty() ? "none yet (the product JSON does not carry them on this branch)" : fields);
    }

    private static long pick(List<Long> pool) {
        return pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
    }


}
