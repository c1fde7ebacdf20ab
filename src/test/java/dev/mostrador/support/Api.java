package dev.mostrador.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one JSON API client of the tests: a caller with its own client IP (X-Forwarded-For, trusted by
 * the test app), optionally a bearer token or a merchant key, a User-Agent and extra headers per
 * request (Idempotency-Key). {@link #ownConnection()} gives it an HTTP client of its own, for the races.
 */
public final class Api {
    // Amounts stay exact: "1290.00" is read back as 1290.00, not the double 1290.0.
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // The rewards callers speak HTTP/1.1 like a point of sale, and carry their own User-Agent into the audit trail.
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String STAFF_AGENT = "RewardsTest/1.0";
    private static final String POS_AGENT = "POS-Test/2.0";

    private final HttpClient client;
    private final String ip;
    private final String userAgent;
    private final Map<String, String> headers;

    public record Response(int status, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** An anonymous caller (Java's own User-Agent); sign it in with {@link #withToken} or use {@link #as}. */
    public Api() {
        this(HTTP, "10.200." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255), null, new LinkedHashMap<>());
    }

    private Api(HttpClient client, String ip, String userAgent, Map<String, String> headers) {
        this.client = client;
        this.ip = ip;
        this.userAgent = userAgent;
        this.headers = new LinkedHashMap<>(headers);
    }

    /** Signs in through /api/login (a real bcrypt round trip) and keeps the token. */
    public static Api as(String email) {
        Api api = new Api();
        Response r = api.post("/api/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        if (r.status() != 200) throw new AssertionError("API login failed: " + r.status() + " " + r.json());
        return api.withToken(r.json().get("token").asText());
    }

    /** A staff member of a tenant, with a fresh API token (no bcrypt login round trip). */
    public static Api staff(String email) {
        return new Api(HTTP_1_1, randomIp(), STAFF_AGENT, Map.of("Authorization", "Bearer " + Fixtures.apiToken(email)));
    }

    /** A point of sale with a merchant API key in X-Merchant-Key. */
    public static Api merchant(String apiKey) {
        return new Api(HTTP_1_1, randomIp(), POS_AGENT, Map.of("X-Merchant-Key", apiKey));
    }

    /** A point of sale with a merchant API key as a bearer token. */
    public static Api merchantBearer(String apiKey) {
        return new Api(HTTP_1_1, randomIp(), POS_AGENT, Map.of("Authorization", "Bearer " + apiKey));
    }

    /** An anonymous caller of the rewards API. */
    public static Api anonymous() {
        return new Api(HTTP_1_1, randomIp(), STAFF_AGENT, Map.of());
    }

    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 250) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public Api withToken(String token) {
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    public String token() {
        String auth = headers.get("Authorization");
        return auth == null ? null : auth.substring("Bearer ".length());
    }

    /** The same caller with an HTTP client of its own, already connected (so a race starts at the request, not the handshake). */
    public Api ownConnection() {
        Api own = new Api(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(),
                ip, userAgent, headers);
        own.send(HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + "/static/favicon.svg")).timeout(Duration.ofSeconds(30)).GET());
        return own;
    }

    /** The same credentials from another address and User-Agent. */
    public Api from(String ip, String userAgent) {
        return new Api(client, ip, userAgent, headers);
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public Response get(String path) {
        return send(builder(path, Map.of()).GET());
    }

    public Response delete(String path) {
        return send(builder(path, Map.of()).DELETE());
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** POST with an Idempotency-Key. */
    public Response post(String path, Object body, String idempotencyKey) {
        return post(path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Response post(String path, Object body, Map<String, String> extra) {
        return send(builder(path, extra).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response put(String path, Object body) {
        return send(builder(path, Map.of()).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private HttpRequest.Builder builder(String path, Map<String, String> extra) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path))
                .header("X-Forwarded-For", ip).header("Accept", "application/json");
        if (client != HTTP) b.timeout(Duration.ofSeconds(30));
        if (userAgent != null) b.header("User-Agent", userAgent);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        all.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : safeParse(r.body());
            return new Response(r.statusCode(), json, r);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static JsonNode safeParse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
