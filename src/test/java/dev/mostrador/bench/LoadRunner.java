package dev.mostrador.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator: {@code clients} threads (virtual users) share one
 * {@link HttpClient} per core (HTTP/1.1, so one keep-alive connection each) and send their next
 * request as soon as the previous answer is fully read. Each endpoint is warmed up first, then measured for
 * a fixed time; the run also stops at {@code maxRequests} measured requests, and a client still
 * waiting 30 s after the end is interrupted, so it is bounded in time and count.
 *
 * <p>Latency is taken per request in nanoseconds, from just before {@code send} to the last byte of
 * the body, and percentiles are computed exactly from all the sorted samples (nearest rank).
 * Being closed-loop, a slow answer delays that client's next request instead of queueing more
 * (no coordinated-omission correction): the figures are what 16 busy clients see.
 */
public final class LoadRunner {
    private static final Duration GRACE = Duration.ofSeconds(30);
    /** Warm-up ends once the JIT compiled for less than this per second (or at the longest warm-up). */
    private static final long SETTLED_JIT_MILLIS_PER_SECOND = 20;
    private final int clients;
    private final Duration minWarmup;
    private final Duration maxWarmup;
    private final Duration measure;
    private final long maxRequests;
    private final HttpClient[] http;

    /**
     * @param minWarmup   the shortest warm-up; it goes on while the JIT is still busy compiling
     *                    (on 2 shared cores, 5 s left C2 a third of a core busy), up to {@code maxWarmup}
     * @param maxRequests measured requests per scenario at most (all clients together)
     */
    public LoadRunner(int clients, Duration minWarmup, Duration maxWarmup, Duration measure, long maxRequests) {
        this.clients = clients;
        this.minWarmup = minWarmup;
        this.maxWarmup = maxWarmup.compareTo(minWarmup) < 0 ? minWarmup : maxWarmup;
        this.measure = measure;
        this.maxRequests = maxRequests;
        // One HttpClient per core, the virtual users spread over them: a client's pool opens one
        // HTTP/1.1 connection per request in flight (16 in all), kept alive across requests and
        // scenarios. Each client has a single selector thread, which finishes each response
        // itself (direct executor) instead of handing it to a pool thread. One client per user
        // (16 selector threads) cost twice the CPU per request; one client for all of them was
        // bound by its one selector thread (the 2 cores 15-30% idle, gzipped activas 10,000
        // req/s instead of 15,000).
        int n = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        this.http = new HttpClient[n];
        for (int i = 0; i < n; i++) {
            http[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Runnable::run).build();
        }
    }

    /**
     * One endpoint to load.
     *
     * @param requests       the i-th request of a client (called on that client's thread); may vary bodies
     * @param expectedStatus any other status counts as an error
     * @param targetP99Millis the p99 the endpoint must stay under
     */
    public record Scenario(String name, IntFunction<HttpRequest> requests, int expectedStatus, double targetP99Millis) {}

    /** What one scenario measured; latencies in nanoseconds, sorted. */
    public record Result(Scenario scenario, long[] sortedNanos, long errors, long warmupErrors, String firstError,
                         double warmupSeconds, double seconds, long responseBytes) {
        public long requests() {
            return sortedNanos.length;
        }

        public double throughput() {
            return sortedNanos.length / seconds;
        }

        /** Nearest-rank percentile in milliseconds: the smallest sample with at least p% of samples ≤ it. */
        public double percentileMillis(double p) {
            if (sortedNanos.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }

        public double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        public double meanResponseBytes() {
            return sortedNanos.length == 0 ? 0 : (double) responseBytes / sortedNanos.length;
        }

        public boolean passed() {
            return errors == 0 && warmupErrors == 0 && sortedNanos.length > 0
                    && percentileMillis(99) < scenario.targetP99Millis();
        }
    }

    /** Told when the measured window opens (warm-up over) and when it closes (last client done). */
    public interface Window {
        Window NONE = new Window() {};

        default void opened() {}

        default void closed() {}
    }

    public Result run(Scenario scenario) throws InterruptedException {
        return run(scenario, Window.NONE);
    }

    public Result run(Scenario scenario, Window window) throws InterruptedException {
        long start = System.nanoTime();
        Phase phase = new Phase();
        AtomicLong measured = new AtomicLong();
        Worker[] workers = new Worker[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            workers[i] = new Worker(http[i % http.length], scenario, phase, measured);
            threads[i] = new Thread(workers[i], "load-" + scenario.name() + "-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread t : threads) t.start();
        warmUp(start);
        long measureFrom = System.nanoTime();
        long measureUntil = measureFrom + measure.toNanos();
        phase.measureUntil = measureUntil;
        phase.measureFrom = measureFrom;
        window.opened();
        // Bounded even if the app hangs: a client still waiting 30 s after the end is interrupted
        // (its request counts as an error).
        long deadline = measureUntil + GRACE.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) t.join(Math.max(1, left / 1_000_000));
            if (t.isAlive()) t.interrupt();
        }
        for (Thread t : threads) t.join();
        window.closed();

        // The measured window ends when the last client finished its last measured request.
        long end = Arrays.stream(workers).mapToLong(w -> w.lastEnd).max().orElse(measureUntil);
        double seconds = Math.max(1, end - measureFrom) / 1e9;
        int total = Arrays.stream(workers).mapToInt(w -> w.count).sum();
        long[] all = new long[total];
        int offset = 0;
        long errors = 0;
        long warmupErrors = 0;
        long bytes = 0;
        String firstError = null;
        for (Worker w : workers) {
            System.arraycopy(w.samples, 0, all, offset, w.count);
            offset += w.count;
            errors += w.errors;
            warmupErrors += w.warmupErrors;
            bytes += w.bytes;
            if (firstError == null) firstError = w.firstError;
        }
        Arrays.sort(all);
        return new Result(scenario, all, errors, warmupErrors, firstError, (measureFrom - start) / 1e9, seconds, bytes);
    }

    /** Sleeps through the warm-up: at least the shortest one, then until the JIT settles or the longest one ends. */
    private void warmUp(long start) throws InterruptedException {
        Thread.sleep(minWarmup.toMillis());
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long end = start + maxWarmup.toNanos();
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() + 2_000_000_000L <= end) {
            Thread.sleep(2_000);
            long now = jit.getTotalCompilationTime();
            if (now - before < 2 * SETTLED_JIT_MILLIS_PER_SECOND) return;
            before = now;
        }
        long left = end - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000);
    }

    /** When the clients measure; set once by the runner, read by every client. */
    private static final class Phase {
        volatile long measureFrom = Long.MAX_VALUE;
        volatile long measureUntil = Long.MAX_VALUE;
    }

    public List<Result> runAll(List<Scenario> scenarios, Consumer<String> progress) throws InterruptedException {
        return runAll(scenarios, progress, s -> Window.NONE);
    }

    public List<Result> runAll(List<Scenario> scenarios, Consumer<String> progress, Function<Scenario, Window> windows)
            throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            progress.accept(String.format("%s: %d clients, %d-%d s warm-up (until the JIT settles), %d s measured ...",
                    s.name(), clients, minWarmup.toSeconds(), maxWarmup.toSeconds(), measure.toSeconds()));
            Result r = run(s, windows.apply(s));
            progress.accept(String.format(Locale.ROOT, "%s: warmed up %.0f s; %d requests, %d errors (%d in the warm-up)%s",
                    s.name(), r.warmupSeconds(), r.requests(), r.errors(), r.warmupErrors(),
                    r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
            results.add(r);
        }
        return results;
    }

    /**
     * A response body read to the end but not kept: its length and its first bytes (for error
     * messages). Copying 200 KB answers into arrays would make the load generator, which shares
     * the cores with the app, pay for work no real client does in the app's process.
     */
    record Body(long length, byte[] head) {
        static final int HEAD = 200;
        static final HttpResponse.BodyHandler<Body> HANDLER = info -> HttpResponse.BodySubscribers.fromSubscriber(
                new Counter(), Counter::body);

        String start() {
            return new String(head, StandardCharsets.UTF_8);
        }

        private static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
            private final ByteArrayOutputStream head = new ByteArrayOutputStream();
            private long length;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer b : buffers) {
                    int n = b.remaining();
                    if (head.size() < HEAD) {
                        byte[] part = new byte[Math.min(n, HEAD - head.size())];
                        b.get(part);
                        head.write(part, 0, part.length);
                    }
                    length += n;
                }
            }

            @Override
            public void onError(Throwable throwable) {
                // send() rethrows it
            }

            @Override
            public void onComplete() {
                // body() reads the totals
            }

            Body body() {
                return new Body(length, head.toByteArray());
            }
        }
    }

    private final class Worker implements Runnable {
        private final Scenario scenario;
        private final Phase phase;
        private final AtomicLong measured;
        private final HttpClient http;
        long[] samples = new long[1 << 14];
        int count;
        long errors;
        long warmupErrors;
        long bytes;
        long lastEnd;
        String firstError;

        Worker(HttpClient http, Scenario scenario, Phase phase, AtomicLong measured) {
            this.http = http;
            this.scenario = scenario;
            this.phase = phase;
            this.measured = measured;
        }

        @Override
        public void run() {
            // Clients start a little apart, as real ones would, instead of in lockstep.
            sleepNanos(ThreadLocalRandom.current().nextLong(1_000_000));
            for (int i = 0; ; i++) {
                HttpRequest request = scenario.requests().apply(i);
                long t0 = System.nanoTime();
                if (t0 >= phase.measureUntil) return;
                int status;
                long length;
                String error = null;
                try {
                    HttpResponse<Body> response = http.send(request, Body.HANDLER);
                    status = response.statusCode();
                    length = response.body().length;
                    if (status != scenario.expectedStatus()) {
                        error = "HTTP " + status + ": " + response.body().start();
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    length = 0;
                    error = e.toString();
                }
                long t1 = System.nanoTime();
                if (Thread.currentThread().isInterrupted()) return;
                if (t0 < phase.measureFrom) { // warm-up
                    if (error != null && warmupErrors++ == 0 && firstError == null) firstError = error;
                    continue;
                }
                if (measured.incrementAndGet() > maxRequests) return;
                if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
                samples[count++] = t1 - t0;
                lastEnd = t1;
                bytes += length;
                if (error != null) {
                    errors++;
                    if (firstError == null) firstError = error;
                }
            }
        }

        private void sleepNanos(long nanos) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
