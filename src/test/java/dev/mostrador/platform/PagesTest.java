package dev.mostrador.platform;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagesTest {

    @Test
    void healthReportsAppDatabaseAndMigrations() {
        Api.Response r = new Api().get("/health");
        assertEquals(200, r.status());
        assertEquals("ok", r.json().get("status").asText());
        assertEquals("up", r.json().get("database").get("status").asText());
        assertEquals(0, r.json().get("migrations").get("pending").asInt());
        assertFalse(r.json().get("migrations").get("current_version").isNull());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (HttpResponse<String> r : new HttpResponse[] {new Browser().get("/login"), new Browser().get("/nope"), new Browser().get("/static/css/app.css")}) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
            assertTrue(r.headers().firstValue("X-Request-Id").orElse("").length() >= 6);
        }
    }

    @Test
    void pagesHaveNoInlineScripts() {
        var t = Fixtures.tenant();
        Browser b = new Browser().signedIn(t.admin());
        for (String path : new String[] {"/dashboard", "/users", "/users/new"}) {
            String html = b.get(path).body();
            assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), path + " has an inline script");
            assertFalse(html.contains(" onclick="), path);
        }
    }

    @Test
    void unknownPagesGetAFriendly404AndApiGetsJson() {
        HttpResponse<String> page = new Browser().get("/no/such/page");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("No encontrado"));
        assertFalse(page.body().contains("Exception"));
        Api.Response api = new Api().get("/api/no/such/thing");
        assertEquals(404, api.status());
        assertEquals("not_found", api.json().get("error").asText());
    }

    @Test
    void roleMismatchGetsAFriendly403() {
        var t = Fixtures.tenant();
        HttpResponse<String> r = new Browser().signedIn(t.vendedor()).get("/users");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("Sin permiso"));
    }

    @Test
    void navigationFollowsTheRole() {
        var t = Fixtures.tenant();
        assertTrue(new Browser().signedIn(t.admin()).get("/dashboard").body().contains("href=\"/users\""));
        assertFalse(new Browser().signedIn(t.oficina()).get("/dashboard").body().contains("href=\"/users\""));
    }

    @Test
    void englishIsAvailable() {
        var t = Fixtures.tenant();
        dev.mostrador.support.TestDatabase.get().dsl().execute("UPDATE tenants SET locale = 'en-US' WHERE id = ?", t.id());
        String html = new Browser().signedIn(t.admin()).get("/users").body();
        assertTrue(html.contains("New user"), "tenant locale en");
        assertTrue(html.contains("lang=\"en\""));
    }

    @Test
    void largePagesAreGzippedForClientsThatTakeItAndSentWholeWithTheirLengthOtherwise() throws Exception {
        var t = Fixtures.tenant();
        Browser browser = new Browser().signedIn(t.admin());
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(browser.cookies()).build();
        java.net.URI dashboard = java.net.URI.create(dev.mostrador.support.TestApp.baseUrl() + "/ofertas");
        HttpResponse<byte[]> plain = http.send(java.net.http.HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(java.net.http.HttpRequest.newBuilder(dashboard).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.body().length > 1500, "a page worth compressing: " + plain.body().length);
        assertEquals(String.valueOf(plain.body().length), plain.headers().firstValue("Content-Length").orElse("none"));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse("none"));
        String unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(unzipped.contains("</html>") && gzip.body().length < plain.body().length, "a whole page, smaller");
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<byte[]>> head = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dev.mostrador.support.TestApp.baseUrl() + path))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<byte[]> health = head.apply("/health");
        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse(""), "the health check ran");
        assertEquals(0, health.body().length);
        assertTrue(Integer.parseInt(health.headers().firstValue("Content-Length").orElse("0")) > 100, "the length of the body GET sends");
        assertEquals(404, head.apply("/r/NOSUCHCODE").statusCode(), "an unknown code is not found, as for GET");
        HttpResponse<byte[]> signedOut = head.apply("/dashboard");
        assertEquals(303, signedOut.statusCode());
        assertEquals("/login?next=%2Fdashboard", signedOut.headers().firstValue("Location").orElse(""));
        assertEquals(401, head.apply("/api/ofertas").statusCode());
    }
}
