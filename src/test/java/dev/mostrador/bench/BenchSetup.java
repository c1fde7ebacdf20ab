package dev.mostrador.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.Browser;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** The load's users: {@code n} vendedores signed in by token, and an oficina signed in by page (its session cookie). */
    record Staff(List<String> vendedorTokens, String oficinaCookie) {}

    static Staff staff(String base, DSLContext dsl, UUID tenant, int n, String domain, String password) throws Exception {
        UserRepository users = new UserRepository(dsl);
        String hash = Passwords.hash(password);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = "vendedor" + i + "@" + domain;
            users.create(dsl, tenant, email, "Vendedor " + i, Role.VENDEDOR, hash);
            tokens.add(login(base, email, password));
        }
        String oficina = "oficina@" + domain;
        users.create(dsl, tenant, oficina, "Oficina", Role.OFICINA, hash);
        Browser browser = new Browser(base);
        if (browser.login(oficina, password).statusCode() != 303) throw new IllegalStateException("page sign-in failed");
        return new Staff(tokens, browser.cookieHeader());
    }
}
