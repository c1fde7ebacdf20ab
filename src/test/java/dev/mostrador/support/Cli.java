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

    /** With these environment variables over the test database's ({@link #EMBEDDED} as DATABASE_URL: none). */
    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        TestApp.get(); // the app first: its first start creates the default tenant only in an empty database
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"), "dev.mostrador.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DATABASE_URL", TestDatabase.jdbcUrl() + "&user=postgres");
        pb.environment().putAll(env);
        if (EMBEDDED.equals(pb.environment().get("DATABASE_URL"))) pb.environment().remove("DATABASE_URL");
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
