package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A JSON API client with an optional bearer token and its own client IP. */
public final class Api {
    // Amounts stay exact: "1290.00" is read back as 1290.00, not the double 1290.0.
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String ip = "10.200." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    private String token;

    public record Response(int status, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static Api as(String email) {
        Api api = new Api();
        Response r = api.post("/api/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        if (r.status() != 200) throw new AssertionError("API login failed: " + r.status() + " " + r.json());
        api.token = r.json().get("token").asText();
        return api;
    }

    public Api withToken(String token) {
        this.token = token;
        return this;
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path)).header("X-Forwarded-For", ip)
                .header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
