package dev.mostrador.bench;

import dev.mostrador.platform.db.DatabaseUrl;
import org.jooq.DSLContext;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load generator on a custom script, against the benchmark's database: what the
 * same server does with the same SQL and no app in between, so that an app figure can be read as
 * a share of what the database allows on this machine, in this run. Runs
 * {@code pgbench -n -M prepared -c clients -j threads -T warm-up+seconds -l -f script}; the
 * figures come from its per-transaction log, after the warm-up (exact percentiles, like
 * {@link LoadRunner}'s).
 * Found at BENCH_PGBENCH (a path, or "off"), /usr/bin/pgbench, or on the PATH.
 */
final class PgBench {
    private static final String APP_NAME = "mostrador-bench-pgbench";
    private final Path executable;
    private final DatabaseSettings database;
    private final String password;
    private final Path workDir;
    private final IntSupplier connections;

    private PgBench(Path executable, DatabaseSettings database, String password, Path workDir, IntSupplier connections) {
        this.executable = executable;
        this.database = database;
        this.password = password;
        this.workDir = workDir;
        this.connections = connections;
    }

    /** Empty (with the reason said) when pgbench is off or missing: the comparison is then skipped. */
    static Optional<PgBench> find(DatabaseSettings database, DSLContext dsl) {
        String setting = System.getenv("BENCH_PGBENCH");
        if (setting != null && (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false"))) {
            OfertasBenchmark.say("pgbench comparison off (BENCH_PGBENCH=%s)", setting);
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (setting != null && !setting.isBlank()) candidates.add(Path.of(setting));
        candidates.add(Path.of("/usr/bin/pgbench"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) candidates.add(Path.of(dir, "pgbench"));
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            OfertasBenchmark.say("pgbench not found (BENCH_PGBENCH, /usr/bin/pgbench, PATH): the comparison with pgbench is skipped");
            return Optional.empty();
        }
        try {
            Path work = Path.of("target", "bench", "pgbench");
            Files.createDirectories(work);
            IntSupplier connections = () -> dsl.fetchOne("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = ?", APP_NAME)
                    .get(0, Integer.class);
            return Optional.of(new PgBench(found.get(), database, password(), work, connections));
        } catch (IOException e) {
            OfertasBenchmark.say("pgbench comparison skipped: %s", e);
            return Optional.empty();
        }
    }

    /** The password of BENCH_DATABASE_URL, if it has one (the embedded server trusts local connections). */
    private static String password() {
        String url = System.getenv("BENCH_DATABASE_URL");
        if (url == null || url.isBlank()) return null;
        DatabaseUrl parsed = DatabaseUrl.parse(url.trim());
        if (parsed.password() != null) return parsed.password();
        Matcher m = Pattern.compile("[?&]password=([^&]*)").matcher(parsed.jdbcUrl());
        return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    String version() {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return executable + " (" + out + ")";
        } catch (IOException | InterruptedException e) {
            return executable.toString();
        }
    }

    /**
     * One pgbench run's figures over its measured window (after the warm-up): transactions, failed
     * ones, their rate, their latencies in microseconds (sorted), and the CPU milliseconds per
     * transaction of pgbench and PostgreSQL; {@code total}: transactions of the whole run.
     */
    record Run(String name, long transactions, long failed, double tps, long[] sortedMicros, String error, double cpuMillis, long total) {
        static Run failed(String name, String error) {
            return new Run(name, 0, 0, 0, new long[0], error, Double.NaN, 0);
        }

        /** The same run with the CPU milliseconds per transaction (pgbench and PostgreSQL) measured in its window. */
        Run withCpu(double millis) {
            return new Run(name, transactions, failed, tps, sortedMicros, error, millis, total);
        }

        double percentileMillis(double p) {
            if (sortedMicros.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1e3;
        }

        boolean ok() {
            return error == null && transactions > 0;
        }
    }

    /**
     * Runs {@code script} (pgbench's script language) with {@code clients} connections on
     * {@code threads} threads for {@code warmup} + {@code duration}; {@code variables} are given
     * with -D. Only the transactions that end after the warm-up count, as the app's requests in
     * {@link LoadRunner}; {@code window} is told when that part begins and when pgbench ended.
     */
    Run run(String name, String script, int clients, int threads, Duration warmup, Duration duration, Map<String, String> variables,
            LoadRunner.Window window) {
        String slug = name.replaceAll("[^A-Za-z0-9]+", "-");
        try {
            Path scriptFile = workDir.resolve(slug + ".sql");
            Files.writeString(scriptFile, script);
            try (Stream<Path> old = Files.list(workDir)) {
                for (Path f : old.filter(f -> f.getFileName().toString().startsWith(slug + "-log")).toList()) Files.delete(f);
            }
            long seconds = warmup.toSeconds() + duration.toSeconds();
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared",
                    "-c", String.valueOf(clients), "-j", String.valueOf(threads), "-T", String.valueOf(seconds),
                    "-l", "--log-prefix=" + workDir.resolve(slug + "-log"), "-f", scriptFile.toString(),
                    "-h", database.host().isEmpty() ? "127.0.0.1" : database.host(), "-p", String.valueOf(database.port()),
                    "-U", database.user()));
            variables.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
            command.add(database.database());
            Path output = workDir.resolve(slug + ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (password != null) builder.environment().put("PGPASSWORD", password);
            builder.environment().put("PGAPPNAME", APP_NAME);
            Process process = builder.start();
            boolean ended = process.waitFor(warmup.toMillis(), TimeUnit.MILLISECONDS);
            long measureFromMicros = System.currentTimeMillis() * 1000;
            if (!ended) window.opened();
            if (!process.waitFor(seconds + 120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Run.failed(name, "pgbench did not finish");
            }
            if (!ended) {
                afterBackendsEnded();
                window.closed();
            }
            String out = Files.readString(output);
            Files.writeString(output, String.join(" ", command) + "\n" + out);
            long total = longOf(out, "number of transactions actually processed: (\\d+)");
            if (ended || process.exitValue() != 0 || total <= 0) {
                return Run.failed(name, "pgbench exited with " + process.exitValue() + (ended ? " within the warm-up" : "") + ": " + lastLines(out, 6));
            }
            return measured(name, slug, measureFromMicros, total);
        } catch (IOException e) {
            return Run.failed(name, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Run.failed(name, "interrupted");
        }
    }

    /**
     * Waits (up to 5 s) until pgbench's connections are gone and their processes reaped, so that
     * their CPU time counts as PostgreSQL's (the postmaster's ended children) when the window closes.
     */
    private void afterBackendsEnded() throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until && connections.getAsInt() > 0) Thread.sleep(20);
        Thread.sleep(200);
    }

    /**
     * The transactions of the per-transaction logs ("client transaction latency_us script
     * end_epoch_s end_us"; a failed one has no latency) that ended after {@code fromMicros}.
     */
    private Run measured(String name, String slug, long fromMicros, long total) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(workDir)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith(slug + "-log")).toList();
        }
        long[] all = new long[1 << 16];
        int n = 0;
        long failed = 0;
        long last = fromMicros;
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] f = line.split(" ");
                    if (f.length < 6) continue;
                    long endMicros = Long.parseLong(f[4]) * 1_000_000 + Long.parseLong(f[5]);
                    if (endMicros < fromMicros) continue; // warm-up
                    last = Math.max(last, endMicros);
                    if (!f[2].chars().allMatch(Character::isDigit)) {
                        failed++;
                        continue;
                    }
                    if (n == all.length) all = Arrays.copyOf(all, n * 2);
                    all[n++] = Long.parseLong(f[2]);
                }
            }
        }
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        double seconds = Math.max(1, last - fromMicros) / 1e6;
        return new Run(name, n, failed, n / seconds, sorted, null, Double.NaN, total);
    }

    private static long longOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    }
}
