package dev.mostrador.bench;

import dev.mostrador.platform.db.DatabaseUrl;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load generator on a custom script, against the benchmark's database: what the
 * same server does with the same SQL and no app in between, so that an app figure can be read as
 * a share of what the database allows on this machine, in this run. Runs
 * {@code pgbench -n -M prepared -c clients -j threads -T seconds -l -f script}; the
 * latencies come from its per-transaction log (exact percentiles, like {@link LoadRunner}'s).
 * Found at BENCH_PGBENCH (a path, or "off"), /usr/bin/pgbench, or on the PATH.
 */
final class PgBench {
    private final Path executable;
    private final DatabaseSettings database;
    private final String password;
    private final Path workDir;

    private PgBench(Path executable, DatabaseSettings database, String password, Path workDir) {
        this.executable = executable;
        this.database = database;
        this.password = password;
        this.workDir = workDir;
    }

    /** Empty (with the reason said) when pgbench is off or missing: the comparison is then skipped. */
    static Optional<PgBench> find(DatabaseSettings database) {
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
            return Optional.of(new PgBench(found.get(), database, password(), work));
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

    /** One pgbench run's figures; latencies in microseconds, sorted. */
    record Run(String name, long transactions, long failed, double tps, long[] sortedMicros, String error, double cpuMillis) {
        Run(String name, long transactions, long failed, double tps, long[] sortedMicros, String error) {
            this(name, transactions, failed, tps, sortedMicros, error, Double.NaN);
        }

        /** The same run with the CPU milliseconds per transaction (pgbench and PostgreSQL) measured around it. */
        Run withCpu(double millis) {
            return new Run(name, transactions, failed, tps, sortedMicros, error, millis);
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
     * {@code threads} threads for {@code duration}; {@code variables} are given with -D.
     */
    Run run(String name, String script, int clients, int threads, Duration duration, Map<String, String> variables) {
        String slug = name.replaceAll("[^A-Za-z0-9]+", "-");
        try {
            Path scriptFile = workDir.resolve(slug + ".sql");
            Files.writeString(scriptFile, script);
            try (Stream<Path> old = Files.list(workDir)) {
                for (Path f : old.filter(f -> f.getFileName().toString().startsWith(slug + "-log")).toList()) Files.delete(f);
            }
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared",
                    "-c", String.valueOf(clients), "-j", String.valueOf(threads), "-T", String.valueOf(duration.toSeconds()),
                    "-l", "--log-prefix=" + workDir.resolve(slug + "-log"), "-f", scriptFile.toString(),
                    "-h", database.host().isEmpty() ? "127.0.0.1" : database.host(), "-p", String.valueOf(database.port()),
                    "-U", database.user()));
            variables.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
            command.add(database.database());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (password != null) builder.environment().put("PGPASSWORD", password);
            builder.environment().put("PGAPPNAME", "mostrador-bench-pgbench");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(name, 0, 0, 0, new long[0], "pgbench did not finish");
            }
            String out = new String(output, StandardCharsets.UTF_8);
            Files.writeString(workDir.resolve(slug + ".out"), String.join(" ", command) + "\n" + out);
            long transactions = longOf(out, "number of transactions actually processed: (\\d+)");
            long failed = Math.max(0, longOf(out, "number of failed transactions: (\\d+)"));
            double tps = doubleOf(out, "tps = ([0-9.]+) \\(without initial connection time\\)");
            if (process.exitValue() != 0 || transactions <= 0 || Double.isNaN(tps)) {
                return new Run(name, Math.max(0, transactions), failed, Double.isNaN(tps) ? 0 : tps, new long[0],
                        "pgbench exited with " + process.exitValue() + ": " + lastLines(out, 6));
            }
            return new Run(name, transactions, failed, tps, latencies(slug), null);
        } catch (IOException e) {
            return new Run(name, 0, 0, 0, new long[0], e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(name, 0, 0, 0, new long[0], "interrupted");
        }
    }

    /** The third field of every line of the per-transaction logs ("client transaction latency_us script epoch us"). */
    private long[] latencies(String slug) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(workDir)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith(slug + "-log")).toList();
        }
        long[] all = new long[1 << 16];
        int n = 0;
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] f = line.split(" ");
                    if (f.length < 3 || !f[2].chars().allMatch(Character::isDigit)) continue; // failed or skipped
                    if (n == all.length) all = Arrays.copyOf(all, n * 2);
                    all[n++] = Long.parseLong(f[2]);
                }
            }
        }
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static long longOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static double doubleOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    }
}
