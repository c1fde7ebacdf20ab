package dev.mostrador.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator: {@code clients} threads (virtual users), each with its own
 * keep-alive HTTP/1.1 connection ({@link RawHttp}), send their next request as soon as the
 * previous answer is fully read. Each endpoint is warmed up first, then measured for a fixed
 * time; the run also stops at {@code maxRequests} measured requests, and a client still waiting
 * 30 s after the end is interrupted, so it is bounded in time and count.
 *
 * <p>Latency is taken per request in nanoseconds, from just before the request is written to the
 * last byte of the answer, and percentiles are computed exactly from all the sorted samples
 * (nearest rank). Being closed-loop, a slow answer delays that client's next request instead of
 * queueing more (no coordinated-omission correction): the figures are what 16 busy clients see.
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
            workers[i] = new Worker(scenario, phase, measured);
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
        // Bounded even if the app hangs: a client still waiting 30 s after the end is interrupted,
        // and a blocked read gives up at the socket's 30 s timeout (its request counts as an error).
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

    private final class Worker implements Runnable {
        private final Scenario scenario;
        private final Phase phase;
        private final AtomicLong measured;
        long[] samples = new long[1 << 14];
        int count;
        long errors;
        long warmupErrors;
        long bytes;
        long lastEnd;
        String firstError;

        Worker(Scenario scenario, Phase phase, AtomicLong measured) {
            this.scenario = scenario;
            this.phase = phase;
            this.measured = measured;
        }

        @Override
        public void run() {
            // Clients start a little apart, as real ones would, instead of in lockstep.
            sleepNanos(ThreadLocalRandom.current().nextLong(1_000_000));
            RawHttp http = null;
            try {
                run(http = connection());
            } finally {
                if (http != null) http.close();
            }
        }

        private RawHttp connection() {
            URI uri = scenario.requests().apply(0).uri();
            return new RawHttp(uri.getHost(), uri.getPort());
        }

        private void run(RawHttp http) {
            for (int i = 0; ; i++) {
                byte[] request = RawHttp.encode(scenario.requests().apply(i));
                long t0 = System.nanoTime();
                if (t0 >= phase.measureUntil) return;
                int status;
                long length;
                String error = null;
                try {
                    RawHttp.Response response = http.send(request);
                    status = response.status();
                    length = response.length();
                    if (status != scenario.expectedStatus()) {
                        error = "HTTP " + status + ": " + response.start();
                    }
                } catch (Exception e) {
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
