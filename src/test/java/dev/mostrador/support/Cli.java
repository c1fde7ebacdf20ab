package dev.mostrador.support;

import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, run as a separate process against the test database (or an embedded one of a data folder). */
public final class Cli {
    private Cli() {}

    public record Run(int exit, String out) {}

    public static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /**
     * With these environment variables over the test database's: a null value (or {@link #EMBEDDED} as
     * DATABASE_URL) removes one (no DATABASE_URL: the embedded database of MOSTRADOR_DATA_DIR).
     */
    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        TestApp.get(); // the app first: its first start creates the default tenant only in an empty database
        Map<String, String> all = new java.util.HashMap<>(Map.of("DATABASE_URL", TestDatabase.jdbcUrl() + "&user=postgres"));
        env.forEach((name, value) -> {
            if (value == null || EMBEDDED.equals(value)) all.remove(name);
            else all.put(name, value);
        });
        return runWith(all, args);
    }

    /**
     * The command line with exactly these variables about the database: none of DATABASE_URL and
     * MOSTRADOR_DATA_DIR is inherited, so a command given neither must not need a database.
     */
    public static Run runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"), "dev.mostrador.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DATABASE_URL");
        pb.environment().remove("MOSTRADOR_DATA_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    /** As DATABASE_URL in {@link #run(Map, String...)}: no DATABASE_URL, the embedded database of MOSTRADOR_DATA_DIR. */
    public static final String EMBEDDED = "(embedded)";

    /** The embedded database of {@code dataDir}, as a first-time user runs it (no DATABASE_URL). */
    public static Run embedded(Path dataDir, String... args) throws IOException, InterruptedException {
        return run(Map.of("DATABASE_URL", EMBEDDED, "MOSTRADOR_DATA_DIR", dataDir.toString()), args);
    }

    /** A DATABASE_URL for a pool's database on the tests' server (a scratch database), as {@code user}. */
    public static String databaseUrl(HikariDataSource pool, String user, String password) {
        String base = pool.getJdbcUrl().replaceFirst("\\?.*$", "");
        return base + "?user=" + user + (password == null ? "" : "&password=" + password);
    }
}
