package dev.mostrador.platform.fuzz;

import dev.mostrador.support.Browser;
import dev.mostrador.support.TestApp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.mostrador.platform.fuzz.RoutePaths.isApi;
import static dev.mostrador.platform.fuzz.WireEncoding.pct;

/**
 * Sends requests as one kind of caller. Hands out an identity; makes a new one after maxUses
 * requests or when an answer shows it is used up (rate-limited, signed out), so no limit hides an answer.
 */
final class FuzzCaller {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final int maxUses;
    private final Supplier<CallerIdentity> create;
    private final Predicate<HttpResponse<String>> usedUp;
    private CallerIdentity current;

    FuzzCaller(int maxUses, Supplier<CallerIdentity> create, Predicate<HttpResponse<String>> usedUp) {
        this.maxUses = maxUses;
        this.create = create;
        this.usedUp = usedUp;
    }

    synchronized CallerIdentity take() {
        if (current == null || current.uses().incrementAndGet() > maxUses) current = create.get();
        return current;
    }

    private synchronized void replace(CallerIdentity used) {
        if (current == used) current = create.get();
    }

    /** The answer, or null when none came. */
    HttpResponse<String> send(FuzzRequest request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends as the current identity; replaces an identity that is used up and sends again. */
    HttpResponse<String> sendOrThrow(FuzzRequest request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            CallerIdentity id = take();
            HttpResponse<String> r;
            try {
                r = HTTP.send(build(request, id), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (IOException e) {
                // A kept-alive connection the server closed after its previous answer (a 400 for a bad URI): once more on a new one.
                if (attempt >= 2) throw e;
                continue;
            }
            if (attempt < 2 && usedUp.test(r)) {
                replace(id);
                continue;
            }
            return r;
        }
    }

    private static HttpRequest build(FuzzRequest a, CallerIdentity id) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + a.path())).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", id.ip() != null ? id.ip() : Browser.randomIp());
        id.headers().forEach(b::header);
        if (id.cookie() != null) b.header("Cookie", id.cookie());
        String body = null;
        if (a.form() != null) {
            List<Map.Entry<String, String>> fields = new ArrayList<>(a.form());
            if (!a.fuzzesCsrf() && id.csrf() != null) fields.add(0, Map.entry("_csrf", id.csrf()));
            body = fields.stream().map(e -> pct(e.getKey()) + "=" + pct(e.getValue())).collect(Collectors.joining("&"));
            b.header("Content-Type", "application/x-www-form-urlencoded");
        } else if (a.json() != null) {
            body = a.json();
            b.header("Content-Type", "application/json");
        }
        if (isApi(a.path())) b.header("Accept", "application/json");
        b.method(a.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return b.build();
    }
}
