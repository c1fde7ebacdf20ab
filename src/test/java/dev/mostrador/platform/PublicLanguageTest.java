package dev.mostrador.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language of a page: a tenant's public pages speak the tenant's language, pages of no tenant
 * before sign-in the browser's; on both a visitor's pick (?lang=, then its cookie) wins. Signed-in
 * pages follow the tenant.
 */
class PublicLanguageTest {

    @Test
    void aTenantsPublicPagesSpeakItsLanguageWhateverTheBrowserSays() {
        Fixtures.TestTenant english = tenant("en-US");
        Fixtures.TestTenant spanish = tenant("es-CL");
        Visitor visitor = new Visitor();
        String en = visitor.get("/t/" + english.tenant().slug() + "/ofertas", "es-CL,es").body();
        assertTrue(en.contains("<html lang=\"en\""), "an English tenant to a Spanish browser");
        assertTrue(en.contains(english.tenant().name() + " offers"));
        String es = visitor.get("/t/" + spanish.tenant().slug() + "/ofertas", "en-US,en").body();
        assertTrue(es.contains("<html lang=\"es\""), "a Spanish tenant to an English browser");
        assertTrue(es.contains("Ofertas de " + spanish.tenant().name()));
        assertTrue(es.contains("<a href=\"/t/" + spanish.tenant().slug() + "/ofertas?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"),
                "a link to the other language: " + es);
    }

    @Test
    void theVisitorsPickWinsOverTheTenantAndIsRemembered() {
        Fixtures.TestTenant spanish = tenant("es-CL");
        String ofertas = "/t/" + spanish.tenant().slug() + "/ofertas";
        Visitor visitor = new Visitor();
        HttpResponse<String> picked = visitor.get(ofertas + "?lang=en", "es-CL");
        assertTrue(picked.body().contains("<html lang=\"en\""), "picked English");
        assertTrue(picked.body().contains(spanish.tenant().name() + " offers"));
        assertTrue(picked.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("mostrador_lang=en;") && c.contains("Max-Age=")),
                "remembered: " + picked.headers().allValues("Set-Cookie"));
        HttpResponse<String> next = visitor.get(ofertas, "es-CL");
        assertTrue(next.body().contains("<html lang=\"en\""), "still English on the next visit");
        assertTrue(next.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Cookie")), "not one page for all in a shared cache");

        RewardsData d = RewardsData.of(spanish);
        String merchant = d.merchant("Café Central", null).get("merchant_id").asText();
        JsonNode r = d.redeem(d.admin, d.customer("Rosa", "rosa@example.cl", 1000), d.offerAt("Café con medialuna", merchant, 300));
        String landing = visitor.get("/r/" + r.get("redemption_code").asText(), "es-CL").body();
        assertTrue(landing.contains("<html lang=\"en\"") && landing.contains(">Pending</span>"), "the pick holds on the QR landing page too");

        assertTrue(visitor.get(ofertas + "?lang=es", "en").body().contains("Ofertas de "), "picked back to Spanish");
        assertTrue(visitor.get(ofertas, "en").body().contains("<html lang=\"es\""), "and remembered");
    }

    @Test
    void anUnknownLanguageIsIgnored() {
        Fixtures.TestTenant spanish = tenant("es-CL");
        HttpResponse<String> page = new Visitor().get("/t/" + spanish.tenant().slug() + "/ofertas?lang=fr", "en");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html lang=\"es\""), "the tenant's language");
        assertFalse(page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("mostrador_lang")), "nothing remembered");
    }

    @Test
    void pagesBeforeSignInFollowTheBrowserUnlessTheVisitorPicked() {
        Visitor visitor = new Visitor();
        assertTrue(visitor.get("/login", "en-US,en").body().contains("<h1>Sign in</h1>"), "the browser's language");
        assertTrue(visitor.get("/login", "es-CL").body().contains("<h1>Iniciar sesión</h1>"));
        assertTrue(visitor.get("/login?lang=en", "es-CL").body().contains("<h1>Sign in</h1>"), "the pick wins");
        assertTrue(visitor.get("/login", "es-CL").body().contains("<h1>Sign in</h1>"), "and is remembered");
    }

    @Test
    void signedInPagesFollowTheTenantWhateverWasPicked() {
        Fixtures.TestTenant spanish = tenant("es-CL");
        Browser staff = new Browser();
        staff.get("/login?lang=en");
        staff.signedIn(spanish.admin());
        String dashboard = staff.get("/dashboard").body();
        assertTrue(dashboard.contains("<html lang=\"es\""), "the tenant's language after sign-in");
        assertFalse(dashboard.contains("data-testid=\"lang-switch\""), "no language switch in the back office");
    }

    private static Fixtures.TestTenant tenant(String locale) {
        Fixtures.TestTenant t = Fixtures.tenant();
        // Before any request reads the tenant (its cache keeps it for a minute).
        TestDatabase.get().dsl().execute("UPDATE tenants SET locale = ? WHERE id = ?", locale, t.id());
        return t;
    }

    /** A browser with its own Accept-Language, keeping cookies like a real one. */
    private static final class Visitor {
        private final Browser browser = new Browser();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(browser.cookies()).build();

        HttpResponse<String> get(String path, String acceptLanguage) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path))
                    .headers(List.of("Accept-Language", acceptLanguage, "X-Forwarded-For", browser.ip()).toArray(String[]::new)).build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
    }
}
