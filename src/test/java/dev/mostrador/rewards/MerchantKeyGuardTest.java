package dev.mostrador.rewards;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.merchants.FailedKeys;
import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong merchant keys cost the guesser, not the server: they are throttled per address and per
 * key prefix before a bcrypt is spent, and bcrypt runs on a bounded number of cores. Seed 001's
 * sample merchant (a key with no prefix) signs in.
 */
class MerchantKeyGuardTest {
    private static final String LOOKUP = "/api/v1/rewards/merchant/redemptions/ZZZZZZZZZZ";

    @Test
    void wrongSecretsBehindARealPrefixAre429BeforeAnyBcryptWhileTheShopKeepsWorking() throws Exception {
        String key = RewardsData.of(Fixtures.tenant()).merchant("Kiosco Guardado", null).get("api_key").asText();
        Api pointOfSale = Api.merchant(key);
        assertEquals(404, pointOfSale.get(LOOKUP).status(), "verified once: remembered");
        String wrong = key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA");
        Api attacker = Api.merchant(wrong);
        long into = System.currentTimeMillis() % 60_000;
        if (into > 35_000) Thread.sleep(60_000 - into + 200); // the limits count per minute: all of this in one
        for (int i = 0; i < FailedKeys.PER_IP_PER_MINUTE; i++) assertEquals(401, attacker.get(LOOKUP).status(), "attempt " + (i + 1));
        long t0 = System.nanoTime();
        Api.Response refused = attacker.get(LOOKUP);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(429, refused.status());
        assertEquals("too_many_invalid_keys", refused.json().get("error").asText());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(ms < 150, "refused without a bcrypt (~250 ms): " + ms + " ms");

        // From other addresses, until the prefix's own limit stops them too.
        for (int i = FailedKeys.PER_IP_PER_MINUTE; i < FailedKeys.PER_PREFIX_PER_MINUTE; i++) {
            assertEquals(401, Api.merchant(wrong).get(LOOKUP).status(), "attempt " + (i + 1) + " from a new address");
        }
        assertEquals(429, Api.merchant(wrong).get(LOOKUP).status(), "the prefix is throttled across addresses");
        assertEquals(404, pointOfSale.get(LOOKUP).status(), "the shop's own point of sale is not locked out");
    }

    @Test
    void bcryptRunsOnABoundedNumberOfCoresAndRefusesWhenNoTurnComes() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(12, "secret".toCharArray());
        MerchantKeys.BcryptTurns oneAtATime = new MerchantKeys.BcryptTurns(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                try {
                    return oneAtATime.verify("secret", hash) ? "ok" : "no";
                } catch (MerchantKeys.Busy e) {
                    return "busy";
                }
            }));
        }
        int ok = 0;
        int busy = 0;
        for (Future<String> f : results) {
            String r = f.get();
            if (r.equals("ok")) ok++;
            if (r.equals("busy")) busy++;
        }
        pool.shutdown();
        // 16 checks of ~250 ms one at a time take ~4 s: those that would wait past 2 s are refused.
        assertTrue(ok >= 1 && busy >= 1 && ok + busy == 16, "ok " + ok + ", busy " + busy);
        assertTrue(ok * 250L < 16 * 250L, "not every check ran: the rest were refused");
    }

    @Test
    void seed001SampleMerchantSignsInWithItsPrefixlessKey() throws Exception {
        var t = Fixtures.tenant();
        var dsl = TestDatabase.get().dsl();
        String name = "Café Test " + UUID.randomUUID().toString().substring(0, 6);
        String hash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(12, "testkey123".toCharArray());
        // Seed 001's statement, with the tenant added.
        Object merchantId = dsl.fetchValue("INSERT INTO rewards.merchants (tenant_id, merchant_name, merchant_type, contact_email, api_key_hash, is_active) "
                + "VALUES (?::uuid, ?, 'restaurant', 'test@cafe.com', ?, true) RETURNING merchant_id", t.id().toString(), name, hash);
        assertEquals(3, dsl.execute("INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, description, lumis_cost, stock_quantity, "
                + "is_active, valid_from, valid_to, offer_category) VALUES "
                + "(?::uuid, 'Café Gratis', 'Un café americano gratis de cualquier tamaño', 50, 100, true, NOW(), NOW() + INTERVAL '30 days', 'food_drink'), "
                + "(?::uuid, 'Descuento 20%', '20% de descuento en tu compra total', 100, 50, true, NOW(), NOW() + INTERVAL '30 days', 'discount'), "
                + "(?::uuid, 'Postre Gratis', 'Postre del día gratis con cualquier orden', 75, 30, true, NOW(), NOW() + INTERVAL '15 days', 'food_drink')",
                t.id().toString(), t.id().toString(), t.id().toString()));

        MerchantPortal portal = new MerchantPortal(new Browser());
        HttpResponse<String> signIn = portal.login("testkey123");
        assertEquals(303, signIn.statusCode(), signIn.body());
        assertTrue(portal.home().body().contains(name));
        Api.Response lookup = Api.merchant("testkey123").get(LOOKUP);
        assertEquals(404, lookup.status(), "authenticated, the code is unknown");
        assertNotEquals(401, Api.merchantBearer("testkey123").get(LOOKUP).status());
        assertEquals(401, Api.merchant("testkey124").get(LOOKUP).status());

        HttpResponse<String> page = new Browser().signedIn(t.admin()).get("/recompensas/comercios/" + merchantId);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Clave antigua sin prefijo"), "the admin is told to rotate it");
        JsonNode listed = Api.staff(t.admin()).get("/api/v1/rewards/merchants/" + merchantId).json();
        assertTrue(listed.get("api_key_prefix").isNull(), String.valueOf(listed));
    }
}
