package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.merchants.MerchantAccess;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.Qr;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.Eventually.eventually;
import static dev.mostrador.support.TenantClock.DAY;
import static dev.mostrador.support.TenantClock.TIME;
import static dev.mostrador.support.TenantClock.freshMinute;
import static dev.mostrador.support.TenantClock.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over HTTP: the customer's landing page /r/{code} and its QR image (what it shows and hides, 404
 * for unknown codes, the per-IP lookup limit), and the merchant portal /comercio (sign-in with the
 * API key, each verdict with its own status and words, CSRF, the unknown-code guard and its audit).
 */
class LandingAndMerchantPortalTest {

    @Test
    void landingShowsRewardMerchantQrCodeAndStateButNothingAboutTheCustomer() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String merchantId = d.merchant("Café Central", null).get("merchant_id").asText();
        long customer = d.customer("Rosa Privada", "rosa.privada@example.cl", 1000);
        JsonNode r = d.redeem(d.admin, customer, d.offerAt("Café con medialuna", merchantId, 300));
        String code = r.get("redemption_code").asText();

        Browser phone = new Browser();
        HttpResponse<String> page = phone.get("/r/" + code);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Café con medialuna"), "the reward");
        assertTrue(html.contains("Café Central"), "the merchant");
        assertTrue(html.contains(Codes.display(code)), "the code in groups");
        assertTrue(html.contains("<svg"), "the QR inline");
        assertTrue(html.contains(">Pendiente</span>"), html);
        assertTrue(html.contains("Vence en 2 días 23 h"), "time left of a 72 h code");
        assertTrue(html.contains("Válido hasta el " + local(r.get("code_expires_at"), d, DAY) + " a las "
                + local(r.get("code_expires_at"), d, TIME)), "the expiry in the tenant's zone");
        for (String personal : new String[] {"Rosa", "Privada", "rosa.privada", "lümis", "700"}) {
            assertFalse(html.contains(personal), "nothing personal: " + personal);
        }
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(200, phone.get("/r/" + Codes.display(code).toLowerCase()).statusCode(), "typed codes are forgiven");

        HttpResponse<String> svg = phone.get("/r/" + code + "/qr.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(svg.headers().firstValue("Cache-Control").orElse("").startsWith("private"));
        assertEquals(r.get("qr_landing_url").asText(), Qr.decode(svg.body()), "a real QR of the landing URL");
        assertTrue(html.contains(svg.body()), "the page shows the same QR");
    }

    @Test
    void anOfferWithoutMerchantShowsTheTenantsName() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        long customer = d.customer("Rosa Privada", "rosa@example.cl", 500);
        String code = d.redeem(d.admin, customer, d.offerAt("Bolsa reutilizable", null, 100)).get("redemption_code").asText();
        String html = new Browser().get("/r/" + code).body();
        assertTrue(html.contains(d.tenant.tenant().name()), html);
    }

    @Test
    void unknownOrMalformedCodesAnswerAPlain404() {
        Browser b = new Browser();
        for (String path : new String[] {"/r/ZZZZZZZZZZ", "/r/not-a-code", "/r/%3Cscript%3E", "/r/ZZZZZZZZZZ/qr.svg"}) {
            HttpResponse<String> r = b.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("Código no encontrado"), path);
            assertFalse(r.body().contains("<script>"), path);
        }
    }

    @Test
    void lookupsAreLimitedPerIp() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String code = d.redeem(d.admin, d.customer("Rosa", "r@example.cl", 500), d.offerAt("Helado", null, 100)).get("redemption_code").asText();
        int limit = TestApp.config(Map.of()).codeLookupsPerMinute();
        String ip = "203.0.113.7"; // documentation range: no other test client uses it
        freshMinute();
        for (int i = 0; i < limit; i++) {
            String path = i % 2 == 0 ? "/r/" + code : "/r/" + Codes.random();
            int status = getFrom(ip, path).statusCode();
            assertEquals(i % 2 == 0 ? 200 : 404, status, "lookup " + (i + 1));
        }
        HttpResponse<String> over = getFrom(ip, "/r/" + code);
        assertEquals(429, over.statusCode());
        assertTrue(Integer.parseInt(over.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertTrue(over.body().contains("Demasiadas consultas"));
        assertEquals(429, getFrom(ip, "/r/" + code + "/qr.svg").statusCode());
        assertEquals(200, new Browser().get("/r/" + code).statusCode(), "another IP is not affected");
    }

    @Test
    void merchantSignsInWithTheKeyAndOut() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String key = d.merchant("Panadería Norte", null).get("api_key").asText();
        MerchantPortal portal = new MerchantPortal(new Browser());
        HttpResponse<String> signIn = portal.home();
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("action=\"/comercio/login\""));

        HttpResponse<String> wrong = portal.login(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("La clave no es válida"), wrong.body());
        assertEquals(401, portal.login("not a key").statusCode());

        HttpResponse<String> ok = portal.login(key);
        assertEquals(303, ok.statusCode());
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(MerchantAccess.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        HttpResponse<String> home = portal.home();
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Panadería Norte"));
        for (String attribute : List.of("autocapitalize=\"characters\"", "autocomplete=\"off\"", "inputmode=\"text\"", "autofocus")) {
            assertTrue(home.body().contains(attribute), attribute);
        }
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElse(null));

        assertEquals(303, portal.logout().statusCode());
        HttpResponse<String> after = portal.home();
        assertTrue(after.body().contains("Sesión cerrada.") && after.body().contains("action=\"/comercio/login\""), after.body());
        assertEquals(303, portal.verify("ZZZZZ-ZZZZZ").statusCode(), "signed out: back to the sign-in page");
    }

    @Test
    void failedKeysAreThrottledPerIp() throws Exception {
        String key = RewardsData.of(Fixtures.tenant()).merchant("Kiosco", null).get("api_key").asText();
        String wrongKey = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        MerchantPortal portal = new MerchantPortal(new Browser());
        freshMinute();
        for (int i = 0; i < 10; i++) assertEquals(401, portal.login(wrongKey).statusCode(), "attempt " + (i + 1));
        HttpResponse<String> over = portal.login(key);
        assertEquals(429, over.statusCode());
        assertTrue(over.body().contains("Demasiados intentos"));
        MerchantPortal.signedIn(key); // another IP signs in
    }

    @Test
    void eachVerdictHasItsOwnStatusAndWords() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Panadería Norte", null);
        String other = d.merchant("Botillería Sur", null).get("merchant_id").asText();
        String bread = d.offerAt("Marraqueta gratis", shop.get("merchant_id").asText(), 250);
        long customer = d.customer("Rosa Privada", "rosa.privada@example.cl", 5000);
        MerchantPortal portal = MerchantPortal.signedIn(shop.get("api_key").asText());

        JsonNode r = d.redeem(d.admin, customer, bread);
        String code = r.get("redemption_code").asText();
        HttpResponse<String> pending = portal.verify(" " + Codes.display(code).toLowerCase() + " ");
        assertEquals(200, pending.statusCode());
        assertVerdict(pending, "Código válido", "Marraqueta gratis", ">250<", "name=\"code\" value=\"" + code + "\"", "Confirmar canje");
        assertFalse(pending.body().contains("Rosa") || pending.body().contains("rosa.privada"), "nothing about the customer");
        assertEquals(200, portal.verify(r.get("qr_landing_url").asText()).statusCode(), "a pasted landing URL");

        HttpResponse<String> confirmed = portal.confirm(code);
        assertEquals(200, confirmed.statusCode());
        assertVerdict(confirmed, "Canje confirmado", "Marraqueta gratis");
        JsonNode validatedAt = d.redemption(r.get("redemption_id").asText()).get("validated_at");
        String when = "Ya fue canjeado el " + local(validatedAt, d, DAY) + " a las " + local(validatedAt, d, TIME);
        assertVerdict(assertStatus(409, portal.verify(code)), "Código ya canjeado", when);
        assertVerdict(assertStatus(409, portal.confirm(code)), when);
        assertTrue(new Browser().get("/r/" + code).body().contains("Canjeado el " + local(validatedAt, d, DAY)));

        assertVerdict(assertStatus(404, portal.verify("ZZZZZ-ZZZZZ")), "Código desconocido");
        assertVerdict(assertStatus(404, portal.verify("hola")), "Código desconocido");
        assertEquals(422, portal.verify("  ").statusCode());

        String theirs = d.redeem(d.admin, customer, d.offerAt("Bebida gratis", other, 100)).get("redemption_code").asText();
        HttpResponse<String> otherMerchant = assertStatus(403, portal.verify(theirs));
        assertVerdict(otherMerchant, "Código de otro comercio");
        assertFalse(otherMerchant.body().contains("Bebida gratis"), "another merchant's offer stays hidden");
        assertEquals(403, portal.confirm(theirs).statusCode());

        String anywhere = d.redeem(d.admin, customer, d.offerAt("Bolsa reutilizable", null, 100)).get("redemption_code").asText();
        assertEquals(200, portal.verify(anywhere).statusCode(), "an offer of no merchant is any merchant's");

        String late = d.redeem(d.admin, customer, bread).get("redemption_code").asText();
        TestDatabase.get().dsl().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 hour' "
                + "WHERE redemption_code = ?", late);
        assertVerdict(assertStatus(409, portal.verify(late)), "Código vencido", "Venció el");
        assertEquals(409, portal.confirm(late).statusCode());
        assertTrue(new Browser().get("/r/" + late).body().contains(">Vencido</span>"));

        JsonNode cancelled = d.redeem(d.admin, customer, bread);
        d.cancel(cancelled.get("redemption_id").asText());
        String cancelledCode = cancelled.get("redemption_code").asText();
        assertVerdict(assertStatus(409, portal.verify(cancelledCode)), "Código anulado");
        assertEquals(409, portal.confirm(cancelledCode).statusCode());
        assertTrue(new Browser().get("/r/" + cancelledCode).body().contains(">Anulado</span>"));

        RewardsData elsewhere = RewardsData.of(Fixtures.tenant());
        MerchantPortal stranger = MerchantPortal.signedIn(elsewhere.merchant("Panadería Norte", null).get("api_key").asText());
        assertEquals(404, stranger.verify(anywhere).statusCode(), "another tenant's code is unknown");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String key = d.merchant("Kiosco", null).get("api_key").asText();
        assertEquals(403, new Browser().postRaw("/comercio/login", Map.of("api_key", key)).statusCode());
        MerchantPortal portal = MerchantPortal.signedIn(key);
        assertEquals(403, portal.browser().postRaw("/comercio/verificar", Map.of("code", "ZZZZZ-ZZZZZ")).statusCode());
        assertEquals(403, portal.browser().postRaw("/comercio/confirmar", Map.of("code", "ZZZZZZZZZZ", "_csrf", "forged")).statusCode());
    }

    @Test
    void elevenUnknownCodesAnswer429AndLeaveAnAuditRow() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Kiosco", null);
        String code = d.redeem(d.admin, d.customer("Rosa", "r@example.cl", 500), d.offerAt("Helado", null, 100)).get("redemption_code").asText();
        MerchantPortal portal = MerchantPortal.signedIn(shop.get("api_key").asText());
        int limit = TestApp.config(Map.of()).unknownCodesPerMinute();
        freshMinute();
        for (int i = 0; i < limit; i++) assertEquals(404, portal.verify(Codes.random()).statusCode(), "unknown " + (i + 1));
        HttpResponse<String> blocked = portal.verify(Codes.random());
        assertEquals(429, blocked.statusCode());
        assertEquals("60", blocked.headers().firstValue("Retry-After").orElse(null));
        assertVerdict(blocked, "Demasiados códigos desconocidos");
        assertEquals(429, portal.verify(code).statusCode(), "even a good code waits");

        UUID tenant = d.tenant.id();
        String merchant = shop.get("merchant_id").asText();
        eventually(() -> {
            assertTrue(auditRows(tenant, merchant, "rate_limited") >= 1, "a rate_limited audit row");
            assertEquals(limit, auditRows(tenant, merchant, "lookup_failed"));
        });
    }

    private static long auditRows(UUID tenant, String merchant, String action) {
        return TestDatabase.get().dsl().fetchOne("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? "
                + "AND action = ? AND actor_type = 'merchant' AND actor_id = ? AND metadata->>'channel' = 'web'", tenant, action, merchant)
                .get(0, Long.class);
    }

    private static HttpResponse<String> assertStatus(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), () -> "status of " + r.uri() + ": " + r.body());
        return r;
    }

    private static void assertVerdict(HttpResponse<String> r, String... texts) {
        for (String text : texts) assertTrue(r.body().contains(text), () -> "missing «" + text + "» in " + r.body());
    }

    private static HttpResponse<String> getFrom(String ip, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path)).header("X-Forwarded-For", ip).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
