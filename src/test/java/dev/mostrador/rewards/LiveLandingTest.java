package dev.mostrador.rewards;

import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TenantClock;
import dev.mostrador.support.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The landing page's live state over HTTP: /r/{code}/estado is what htmx polls while a code is
 * pending (small, private, 304 when unchanged, 286 to stop once final), nothing about the customer,
 * and polling a known code does not use up the per-IP allowance that unknown codes do.
 */
class LiveLandingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void thePendingPagePollsItsStateUntilTheMerchantConfirms() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        var shop = d.merchant("Café Vivo", null);
        String code = d.redeem(d.admin, d.customer("Rosa Privada", "rosa.viva@example.cl", 900),
                d.offerAt("Cortado", shop.get("merchant_id").asText(), 300)).get("redemption_code").asText();
        String ip = Browser.randomIp();

        String landing = get(ip, "/r/" + code, null).body();
        assertTrue(landing.contains("hx-get=\"/r/" + code + "/estado\""), landing);
        assertTrue(landing.contains("hx-trigger=\"every 4s\""), landing);
        assertTrue(landing.contains("<script src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\" defer></script>"));

        HttpResponse<String> pending = get(ip, "/r/" + code + "/estado", null);
        assertEquals(200, pending.statusCode());
        assertTrue(pending.body().contains(">Pendiente</span>"), pending.body());
        assertTrue(pending.body().contains("Vence en 2 días"), pending.body());
        assertTrue(pending.body().contains("id=\"rw-state-tail\" hx-swap-oob=\"true\""), pending.body());
        assertTrue(pending.body().length() < 1000, "a tiny answer: " + pending.body().length());
        assertFalse(pending.body().contains("Rosa") || pending.body().contains("Cortado") || pending.body().contains("<svg"));
        assertEquals("private, no-cache", pending.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-referrer", pending.headers().firstValue("Referrer-Policy").orElse(null));
        String etag = pending.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = get(ip, "/r/" + code + "/estado", etag);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(200, get(ip, "/r/" + Codes.display(code).toLowerCase() + "/estado", null).statusCode(), "forgiving like the page");

        assertEquals(200, MerchantPortal.signedIn(shop.get("api_key").asText()).confirm(code).statusCode());
        HttpResponse<String> confirmed = get(ip, "/r/" + code + "/estado", etag);
        assertEquals(286, confirmed.statusCode(), "htmx stops polling on 286");
        assertTrue(confirmed.body().contains("Canjeado el "), confirmed.body());
        assertFalse(confirmed.body().contains("Vence en"));
        assertFalse(get(ip, "/r/" + code, null).body().contains("hx-trigger"), "a final state is not polled");
    }

    @Test
    void unknownCodesAre404AndCountAsGuessesButPollingAKnownCodeDoesNot() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String code = d.redeem(d.admin, d.customer("Rosa", "rosa.poll@example.cl", 500), d.offerAt("Helado", null, 100))
                .get("redemption_code").asText();
        int limit = TestApp.config(Map.of()).codeLookupsPerMinute();
        String ip = Browser.randomIp();
        TenantClock.freshMinute();
        for (int i = 0; i < limit + 5; i++) {
            assertEquals(200, get(ip, "/r/" + code + "/estado", null).statusCode(), "poll " + (i + 1));
        }
        assertEquals(200, get(ip, "/r/" + code, null).statusCode(), "the polls left the page's allowance alone");
        for (String path : new String[] {"/r/ZZZZZZZZZZ/estado", "/r/not-a-code/estado", "/r/%3Cscript%3E/estado"}) {
            HttpResponse<String> r = get(ip, path, null);
            assertEquals(404, r.statusCode(), path);
            assertEquals("", r.body(), path);
        }
        for (int i = 0; i < limit; i++) get(ip, "/r/" + Codes.random() + "/estado", null);
        assertEquals(429, get(ip, "/r/" + code + "/estado", null).statusCode(), "too many guesses from this address");
        assertEquals(200, get(Browser.randomIp(), "/r/" + code + "/estado", null).statusCode(), "another address is not affected");
    }

    private static HttpResponse<String> get(String ip, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path)).header("X-Forwarded-For", ip);
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
