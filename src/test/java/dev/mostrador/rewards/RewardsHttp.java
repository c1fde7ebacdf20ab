package dev.mostrador.rewards;

import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client of /api/v1/rewards: a staff bearer token or a merchant key, its own client IP
 * (X-Forwarded-For, trusted by the test app) and User-Agent, extra headers per request
 * (Idempotency-Key). {@link #ownConnection()} gives it an HTTP client of its own, for the races.
 */
final class RewardsHttp {
    private static final HttpClient SHARED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpClient client;
    private final String ip;
    private final String userAgent;
    private final Map<String, String> headers;

    private RewardsHttp(HttpClient client, String ip, String userAgent, Map<String, String> headers) {
        this.client = client;
        this.ip = ip;
        this.userAgent = userAgent;
        this.headers = headers;
    }

    static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 250) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** A staff member of a tenant, with a fresh API token (no bcrypt login round trip). */
    static RewardsHttp staff(String email) {
        return new RewardsHttp(SHARED, randomIp(), "RewardsTest/1.0", Map.of("Authorization", "Bearer " + Fixtures.apiToken(email)));
    }

    /** A point of sale with a merchant API key in X-Merchant-Key. */
    static RewardsHttp merchant(String apiKey) {
        return new RewardsHttp(SHARED, randomIp(), "POS-Test/2.0", Map.of("X-Merchant-Key", apiKey));
    }

    /** A point of sale with a merchant API key as a bearer token. */
    static RewardsHttp merchantBearer(String apiKey) {
        return new RewardsHttp(SHARED, randomIp(), "POS-Test/2.0", Map.of("Authorization", "Bearer " + apiKey));
    }

    static RewardsHttp anonymous() {
        return new RewardsHttp(SHARED, randomIp(), "RewardsTest/1.0", Map.of());
    }

    /** The same caller with an HTTP client of its own, already connected (so a race starts at the request, not the handshake). */
    RewardsHttp ownConnection() {
        RewardsHttp own = new RewardsHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(),
                ip, userAgent, headers);
        own.send(HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + "/static/favicon.svg")).timeout(Duration.ofSeconds(30)).GET());
        return own;
    }

    RewardsHttp from(String ip, String userAgent) {
        return new RewardsHttp(client, ip, userAgent, headers);
    }

    String ip() {
        return ip;
    }

    String userAgent() {
        return userAgent;
    }

    Api.Response get(String path) {
        return send(builder(path, Map.of()).GET());
    }

    Api.Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Api.Response post(String path, Object body, Map<String, String> extra) {
        return send(builder(path, extra).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** POST with an Idempotency-Key. */
    Api.Response post(String path, Object body, String idempotencyKey) {
        return post(path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Api.Response put(String path, Object body) {
        return send(builder(path, Map.of()).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private static String write(Object body) {
        try {
            return body instanceof String ? (String) body : Api.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private HttpRequest.Builder builder(String path, Map<String, String> extra) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", ip).header("User-Agent", userAgent).header("Accept", "application/json");
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        all.forEach(b::header);
        return b;
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.body().isEmpty() ? null : parse(r.body()), r);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
