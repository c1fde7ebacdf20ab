package dev.mostrador.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

/**
 * Benchmark of the issue "Catalog and ofertas" (not a test: run it with
 * {@code mvn -B -q -Pbench test-compile exec:exec}). One tenant with 5,000 products and 10,000
 * ofertas (500 active now), 16 concurrent clients on loopback:
 * <ul>
 *   <li>{@code GET /api/ofertas/activas?tenant=<slug>} (public), p99 &lt; 5 ms, as the JDK client
 *       asks (no compression) and as browsers ask (Accept-Encoding: gzip; the load generator
 *       reads the compressed bytes without inflating them);</li>
 *   <li>{@code POST /api/ofertas/cotizar} with a 50-line cart, as a staff user, p99 &lt; 15 ms.</li>
 * </ul>
 * Settings (environment; README, "Benchmarks"):
 * <ul>
 *   <li>BENCH_CLIENTS (16), BENCH_SECONDS measured per endpoint (20), BENCH_MAX_REQUESTS per endpoint (2,000,000);</li>
 *   <li>BENCH_WARMUP_SECONDS (10), BENCH_MAX_WARMUP_SECONDS (25): each endpoint warms up at least the
 *       first, then until the JIT settles, at most the second (on 2 shared cores C2 was still
 *       compiling a third of the time after 5 s);</li>
 *   <li>BENCH_DATABASE_URL: PostgreSQL to use instead of a fresh embedded one;</li>
 *   <li>BENCH_ONLY: run only the endpoints whose name contains one of its comma-separated parts;</li>
 *   <li>BENCH_SAVE_RESPONSES: a folder; saves the answer to every cart before loading, so that two
 *       versions of the app can be compared byte for byte;</li>
 *   <li>BENCH_STRICT=true: exit with 1 when an endpoint misses its target or answers an error
 *       (otherwise the table says so and the exit status is 0).</li>
 * </ul>
 */
public final class OfertasBenchmark {
    static final int PRODUCTOS = 5_000;
    static final int OFERTAS = 10_000;
    static final int ACTIVAS = 500;
    static final int CART_LINES = 50;
    static final int CARTS = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int clients = BenchSetup.intEnv("BENCH_CLIENTS", 16);
        Duration warmup = Duration.ofSeconds(BenchSetup.intEnv("BENCH_WARMUP_SECONDS", 10));
        Duration maxWarmup = Duration.ofSeconds(BenchSetup.intEnv("BENCH_MAX_WARMUP_SECONDS", 25));
        Duration measure = Duration.ofSeconds(BenchSetup.intEnv("BENCH_SECONDS", 20));
        long maxRequests = BenchSetup.intEnv("BENCH_MAX_REQUESTS", 2_000_000);

        Runtime rt = Runtime.getRuntime();
        say("JVM %s (%s), %d cores, max heap %d MB, GC %s; app, database and load generator share the machine",
                System.getProperty("java.vm.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
                rt.maxMemory() >> 20, gcNames());
        say("load average before: %s (other processes on this machine skew the figures)", loadAverage());
        long t0 = System.nanoTime();
        int exit;
        try (BenchServer server = BenchServer.start()) {
            say("app on %s, database: %s (started in %d ms)", server.baseUrl(), server.databaseDescription(), millisSince(t0));
            server.databaseSettings().describe().forEach(OfertasBenchmark::say);
            OfertasDataSet.Seeded data = OfertasDataSet.seed(server.app().database().dsl(), server.app().database().dataSource(),
                    PRODUCTOS, OFERTAS, ACTIVAS, 42);
            say("seeded tenant %s: %,d products, %,d ofertas (%d active now), %,d oferta-product links in %d ms",
                    data.tenant().slug(), PRODUCTOS, data.ofertas(), data.activas(), data.links(), data.took().toMillis());

            String base = server.baseUrl();
            String token = BenchSetup.login(base, data.staffEmail(), OfertasDataSet.PASSWORD);
            HttpRequest activas = HttpRequest.newBuilder(URI.create(base + "/api/ofertas/activas?tenant=" + data.tenant().slug()))
                    .header("Accept", "application/json").GET().build();
            // Browsers (the public page's audience) always ask for gzip; the JDK client never does.
            HttpRequest activasGzip = HttpRequest.newBuilder(activas.uri()).header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip, deflate, br").GET().build();
            List<HttpRequest> carts = carts(base, token, data.activeProductIds());
            check(activas, activasGzip, carts.get(0));
            String saveTo = System.getenv("BENCH_SAVE_RESPONSES");
            if (saveTo != null && !saveTo.isBlank()) save(Path.of(saveTo), carts);

            LoadRunner runner = new LoadRunner(clients, warmup, maxWarmup, measure, maxRequests);
            List<LoadRunner.Scenario> scenarios = List.of(
                    new LoadRunner.Scenario("GET /api/ofertas/activas", i -> activas, 200, 5),
                    new LoadRunner.Scenario("GET /api/ofertas/activas, gzip", i -> activasGzip, 200, 5),
                    new LoadRunner.Scenario("POST /api/ofertas/cotizar (50 lines)",
                            i -> carts.get(ThreadLocalRandom.current().nextInt(carts.size())), 200, 15));
            long gcBefore = gcMillis();
            List<LoadRunner.Result> results = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            long databasePid = server.databasePid();
            for (LoadRunner.Scenario scenario : scenarios) {
                if (!selected(scenario)) continue;
                CpuUsage.Measured window = new CpuUsage.Measured(databasePid, null);
                LoadRunner.Result result = runner.runAll(List.of(scenario), OfertasBenchmark::say, s -> window).get(0);
                results.add(result);
                cpu.addAll(window.describe(scenario.name(), result.requests()));
            }
            long gcTime = gcMillis() - gcBefore;

            System.out.println();
            System.out.print(BenchmarkTable.render(results));
            System.out.println();
            for (LoadRunner.Result r : results) {
                say("%s: warm-up %.0f s, mean response %.1f KB, %d errors%s", r.scenario().name(), r.warmupSeconds(),
                        r.meanResponseBytes() / 1024, r.errors() + r.warmupErrors(),
                        r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
            }
            say("%d concurrent clients, closed loop; %d s measured per endpoint; GC time during the runs: %d ms",
                    clients, measure.toSeconds(), gcTime);
            cpu.forEach(OfertasBenchmark::say);
            // A measurement, not a gate, unless asked: a busy shared machine fails targets on its own.
            boolean strict = "true".equalsIgnoreCase(System.getenv("BENCH_STRICT"));
            exit = strict && !results.stream().allMatch(LoadRunner.Result::passed) ? 1 : 0;
        }
        say("done in %d s", millisSince(t0) / 1000);
        System.exit(exit);
    }


    /** {@value #CARTS} different carts of {@value #CART_LINES} distinct active products, 1–12 units each. */
    private static List<HttpRequest> carts(String base, String token, List<Long> productIds) throws Exception {
        Random random = new Random(7);
        List<HttpRequest> carts = new ArrayList<>(CARTS);
        List<Long> shuffled = new ArrayList<>(productIds);
        for (int c = 0; c < CARTS; c++) {
            Collections.shuffle(shuffled, random);
            ObjectNode body = JSON.createObjectNode();
            ArrayNode lineas = body.putArray("lineas");
            for (int i = 0; i < CART_LINES; i++) {
                lineas.addObject().put("producto_id", shuffled.get(i)).put("cantidad", 1 + random.nextInt(12));
            }
            carts.add(HttpRequest.newBuilder(URI.create(base + "/api/ofertas/cotizar"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        }
        return carts;
    }

    /** One request of each before loading: they must answer what the data set says. */
    private static void check(HttpRequest activas, HttpRequest activasGzip, HttpRequest cart) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> a = http.send(activas, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode list = JSON.readTree(a.body());
        if (a.statusCode() != 200 || !list.isArray() || list.size() != ACTIVAS) {
            throw new IllegalStateException("activas answered " + a.statusCode() + " with " + list.size() + " ofertas, expected " + ACTIVAS);
        }
        HttpResponse<byte[]> z = http.send(activasGzip, HttpResponse.BodyHandlers.ofByteArray());
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z.body()))) {
            unzipped = in.readAllBytes();
        }
        if (z.statusCode() != 200 || !z.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                || !Arrays.equals(unzipped, a.body())) {
            throw new IllegalStateException("activas with gzip answered " + z.statusCode() + " " + z.headers().map()
                    + ", not the gzipped plain answer");
        }
        HttpResponse<byte[]> q = http.send(cart, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode quote = JSON.readTree(q.body());
        if (q.statusCode() != 200 || quote.path("lineas").size() != CART_LINES) {
            throw new IllegalStateException("cotizar answered " + q.statusCode() + ": " + new String(q.body(), 0, Math.min(300, q.body().length)));
        }
        long applied = 0;
        for (JsonNode l : quote.get("lineas")) if (!l.get("oferta_id").isNull()) applied++;
        say("check: activas lists %d ofertas (%.1f KB, %.1f KB gzipped); a cotizar answer has %d lines (%d discounted), %d gifts, %d explanations (%.1f KB)",
                list.size(), a.body().length / 1024.0, z.body().length / 1024.0, quote.get("lineas").size(), applied, quote.get("regalos").size(),
                quote.get("explicaciones").size(), q.body().length / 1024.0);
    }

    /** The answers to every cart, as cart-000.json…: the data set is deterministic, so they are too. */
    private static void save(Path dir, List<HttpRequest> carts) throws Exception {
        Files.createDirectories(dir);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < carts.size(); i++) {
            HttpResponse<byte[]> r = http.send(carts.get(i), HttpResponse.BodyHandlers.ofByteArray());
            Files.write(dir.resolve(String.format("cart-%03d.json", i)), r.body());
        }
        say("saved the answers to %d carts in %s", carts.size(), dir.toAbsolutePath());
    }

    private static long gcMillis() {
        return CpuUsage.Measured.gc()[1];
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    /** The 1, 5 and 15 minute load averages of Linux, or "unknown". */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }


    /** Whether BENCH_ONLY (comma-separated parts of names) is unset or names this scenario. */
    static boolean selected(LoadRunner.Scenario scenario) {
        String only = System.getenv("BENCH_ONLY");
        return only == null || only.isBlank() || java.util.Arrays.stream(only.split(",")).map(String::trim)
                .anyMatch(part -> !part.isEmpty() && scenario.name().contains(part));
    }

    static void say(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
