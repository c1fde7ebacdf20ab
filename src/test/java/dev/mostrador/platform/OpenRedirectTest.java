package dev.mostrador.platform;

import dev.mostrador.platform.web.Web;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ?next= after signing in never leads off the site, whatever trick the link uses. */
class OpenRedirectTest {
    /** Known bypasses of "starts with / and not //" checks (OWASP, PortSwigger, HackerOne reports). */
    private static final List<String> BYPASSES = List.of(
            "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/\r/evil.example", "/\u0000/evil.example",
            "//evil.example", "///evil.example", "////evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example",
            "/ /evil.example", "/\u3000/evil.example", "/\u00a0/evil.example", "https://evil.example", "http:evil.example",
            "javascript:alert(1)", "//evil.example/%2F..", "/%2F%2Fevil.example", " /evil", "@evil.example",
            "evil.example", "/.\t/evil.example", "/\u2028/evil.example", "/\u200b/evil.example");

    @Test
    void everyKnownBypassFallsBackToTheDashboard() {
        for (String next : BYPASSES) {
            String safe = Web.safeNext(next);
            assertOnThisSite(next, safe);
            // Percent-encoded tricks stay encoded in a path of ours; the raw ones are refused outright.
            if (!next.contains("%")) assertEquals("/dashboard", safe, escape(next));
        }
    }

    @Test
    void ordinaryPathsAreKept() {
        for (String next : List.of("/ofertas", "/ofertas?q=galletas&page=2", "/recompensas/comercios/abc#top", "/dashboard")) {
            assertEquals(next, Web.safeNext(next));
        }
    }

    @Test
    void theLoginPageAndTheLoginPostRedirectOnlyToThisSite() {
        var t = Fixtures.tenant();
        for (String next : BYPASSES) {
            String query = URLEncoder.encode(next, StandardCharsets.UTF_8);
            Browser b = new Browser();
            HttpResponse<String> login = b.post("/login?next=" + query, Map.of("email", t.admin(), "password", Fixtures.PASSWORD, "next", next));
            assertLocal(next, login);
            assertLocal(next, b.get("/login?next=" + query)); // signed in: straight to next
        }
    }

    private static void assertLocal(String next, HttpResponse<String> r) {
        if (r.statusCode() != 303) return; // a 4xx naming the bad input is fine too
        assertOnThisSite(next, r.headers().firstValue("Location").orElseThrow());
    }

    private static void assertOnThisSite(String next, String location) {
        for (char c : location.toCharArray()) assertTrue(c > 0x20 && c < 0x7f, escape(next) + " -> " + escape(location));
        assertTrue(location.startsWith("/") && !location.startsWith("//") && !location.contains("\\"), escape(next) + " -> " + escape(location));
        assertEquals("app.example", URI.create("http://app.example/").resolve(location).getHost(), escape(next));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return out.toString();
    }
}
