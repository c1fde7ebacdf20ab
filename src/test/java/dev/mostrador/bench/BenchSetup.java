package dev.mostrador.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** What every benchmark program reads and does before its clients start: its settings, its sign-ins. */
final class BenchSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSetup() {}

    /** A setting from the environment (BENCH_CLIENTS, BENCH_SECONDS ...), or its default. */
    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    /** A bearer token for a staff account, through the app's own {@code POST /api/login}. */
    static String login(String base, String email, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).get("token").asText();
    }
}
