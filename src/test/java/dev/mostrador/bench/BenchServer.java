package dev.mostrador.bench;

import dev.mostrador.App;
import dev.mostrador.platform.config.Config;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real app, in this JVM, on a random port of 127.0.0.1, against the app's own embedded
 * PostgreSQL ({@code EmbeddedDatabase}, with the settings the app runs with, in a fresh temporary
 * data folder deleted on close) or the server of {@code BENCH_DATABASE_URL}. The API rate limits
 * are raised so they never answer 429; background jobs are off.
 */
public final class BenchServer implements AutoCloseable {
    private final Path dataDir;
    private final App app;
    private final String database;

    private BenchServer(Path dataDir, App app, String database) {
        this.dataDir = dataDir;
        this.app = app;
        this.database = database;
    }

    public static BenchServer start() {
        String url = System.getenv("BENCH_DATABASE_URL");
        Path dataDir = null;
        String description;
        try {
            Map<String, String> env = new HashMap<>();
            if (url == null || url.isBlank()) {
                // The app's own embedded PostgreSQL (EmbeddedDatabase), with the settings the app
                // runs with, in a fresh temporary data folder: the benchmark measures what users get.
                String kept = System.getenv("BENCH_DATA_DIR");
                if (kept != null && !kept.isBlank()) {
                    // Kept between runs (never deleted): a benchmark may reuse what an earlier run seeded.
                    env.put("MOSTRADOR_DATA_DIR", kept);
                    description = "embedded (the app's EmbeddedDatabase, kept in BENCH_DATA_DIR " + kept + ")";
                } else {
                    dataDir = Files.createTempDirectory("mostrador-bench-");
                    env.put("MOSTRADOR_DATA_DIR", dataDir.toString());
                    description = "embedded (the app's EmbeddedDatabase, fresh, in " + dataDir + ")";
                }
            } else {
                env.put("DATABASE_URL", url);
                description = "BENCH_DATABASE_URL";
            }
            env.put("PORT", "0");
            env.put("MOSTRADOR_JOBS", "false");
            env.put("MOSTRADOR_API_READS_PER_MINUTE", "100000000");
            env.put("MOSTRADOR_API_WRITES_PER_MINUTE", "100000000");
            env.put("MOSTRADOR_CODE_LOOKUPS_PER_MINUTE", "100000000");
            // Only used if the database has no tenant yet; avoids printing a generated password.
            env.put("MOSTRADOR_ADMIN_PASSWORD", "benchmark-admin-password");
            passThrough(env, "MOSTRADOR_DB_POOL_SIZE");
            passThrough(env, "MOSTRADOR_MAX_ACTIVE_REQUESTS");
            App app = App.start(Config.from(env));
            return new BenchServer(dataDir, app, description);
        } catch (IOException e) {
            deleteQuietly(dataDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(dataDir);
            throw e;
        }
    }

    private static void passThrough(Map<String, String> env, String name) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) env.put(name, value);
    }

    public App app() {
        return app;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** The PostgreSQL postmaster's pid (a backend's parent), or -1 when it runs elsewhere. */
    public long databasePid() {
        try {
            long backend = app.database().dsl().fetchValue(DSL.field("pg_backend_pid()", Integer.class));
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public String databaseDescription() {
        return database;
    }

    /** The durability settings of the database, read from the server. */
    DatabaseSettings databaseSettings() {
        return DatabaseSettings.read(app.database().dsl(), database);
    }

    @Override
    public void close() {
        try {
            app.close(); // stops the embedded server too
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete the embedded database's folder " + dir + ": " + e);
        }
    }
}
