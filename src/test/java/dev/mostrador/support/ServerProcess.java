package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app as users run it, in a process of its own on the embedded database of a data folder,
 * so that a test can kill it (and its PostgreSQL) the hard way; or on an external database, where
 * several of them run as instances of one app.
 */
public final class ServerProcess {
    public static final String ADMIN_PASSWORD = "process-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServerProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts `mostrador serve` on the folder and waits until /health says ok. */
    public static ServerProcess start(Path dataDir, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("MOSTRADOR_DATA_DIR", dataDir.toString());
        return spawn(dataDir, all).awaitHealthy();
    }

    /**
     * Starts `mostrador serve` on an external database (DATABASE_URL) without waiting: several
     * instances can start at once; then {@link #awaitHealthy()} each.
     */
    public static ServerProcess spawnOn(String databaseUrl, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("DATABASE_URL", databaseUrl);
        return spawn(null, all);
    }

    private static ServerProcess spawn(Path dataDir, Map<String, String> env) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.mostrador.Main", "serve"));
        Path log = Files.createTempFile("mostrador-process", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DATABASE_URL");
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("MOSTRADOR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("MOSTRADOR_JOBS", "false");
        pb.environment().putAll(env);
        return new ServerProcess(pb.start(), port, dataDir, log);
    }

    /** Waits until /health says ok (90 s at most); this process. */
    public ServerProcess awaitHealthy() throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the app exited: " + log());
            try {
                if (get("/health").statusCode() == 200) return this;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("no healthy /health within 90 s: " + log());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The PID of the embedded PostgreSQL's postmaster, from its postmaster.pid. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with headers (a bearer token, a merchant key). */
    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A bearer token of the first admin. */
    public String adminToken() throws Exception {
        HttpResponse<String> r = postJson("/api/login", null,
                "{\"email\":\"admin@localhost\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        if (r.statusCode() != 200) throw new AssertionError("login: " + r.statusCode() + " " + r.body());
        JsonNode json = Api.JSON.readTree(r.body());
        return json.get("token").asText();
    }

    /** SIGKILL, as the kernel's OOM killer or a power cut would end it: no shutdown hook runs. */
    public static void kill9(long... pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        for (long pid : pids) command.add(String.valueOf(pid));
        new ProcessBuilder(command).inheritIO().start().waitFor();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        }
    }

    public void kill9() throws Exception {
        kill9(pid());
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
