package dev.mostrador.bench;

import dev.mostrador.App;
import dev.mostrador.platform.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The real app, in this JVM, on a random port of 127.0.0.1, against a fresh embedded PostgreSQL
 * (temporary data folder, deleted on close) or the server of {@code BENCH_DATABASE_URL}. The API
 * rate limits are raised so they never answer 429; background jobs are off.
 */
public final class BenchServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final App app;
    private final String database;

    private BenchServer(EmbeddedPostgres postgres, App app, String database) {
        this.postgres = postgres;
        this.app = app;
        this.database = database;
    }

    public static BenchServer start() {
        String url = System.getenv("BENCH_DATABASE_URL");
        EmbeddedPostgres postgres = null;
        String description;
        try {
            if (url == null || url.isBlank()) {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
                url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
                description = "embedded PostgreSQL 17 (fresh, temporary) on 127.0.0.1:" + postgres.getPort();
            } else {
                description = "BENCH_DATABASE_URL";
            }
            Map<String, String> env = new HashMap<>();
            env.put("PORT", "0");
            env.put("DATABASE_URL", url);
            env.put("MOSTRADOR_JOBS", "false");
            env.put("MOSTRADOR_API_READS_PER_MINUTE", "100000000");
            env.put("MOSTRADOR_API_WRITES_PER_MINUTE", "100000000");
            env.put("MOSTRADOR_CODE_LOOKUPS_PER_MINUTE", "100000000");
            // Only used if the database has no tenant yet; avoids printing a generated password.
            env.put("MOSTRADOR_ADMIN_PASSWORD", "benchmark-admin-password");
            passThrough(env, "MOSTRADOR_DB_POOL_SIZE");
            passThrough(env, "MOSTRADOR_MAX_ACTIVE_REQUESTS");
            App app = App.start(Config.from(env));
            return new BenchServer(postgres, app, description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
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

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the embedded PostgreSQL: " + e);
        }
    }
}
