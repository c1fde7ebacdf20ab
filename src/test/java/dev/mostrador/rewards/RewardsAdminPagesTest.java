package dev.mostrador.rewards;

import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.PageText;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.support.PageText.MERCHANT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comercios pages: the key shown once and working, rotation, deactivation, validation, and who may do what. */
class RewardsAdminPagesTest {
    private static final Pattern MERCHANT_LINK = Pattern.compile("href=\"/recompensas/comercios/([0-9a-f-]{36})\"");
    private static final String LOOKUP = "/api/v1/rewards/merchant/redemptions/";

    @Test
    void creatingAMerchantShowsItsKeyOnceAndTheKeyWorks() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(200, admin.get("/recompensas/comercios/new").statusCode());

        HttpResponse<String> created = admin.post("/recompensas/comercios",
                Map.of("merchant_name", "Café Central", "merchant_type", "cafetería", "contact_email", "hola@cafe.cl", "is_active", "true"));
        // Post/redirect/get: a reload of the key page never posts the form again, and the key is
        // never in the redirect itself.
        assertEquals(303, created.statusCode());
        String keyPage = created.headers().firstValue("Location").orElseThrow();
        assertTrue(keyPage.matches("/recompensas/comercios/[0-9a-f-]{36}/clave"), keyPage);
        assertFalse(MERCHANT_KEY.matcher(created.body() + keyPage).find(), "no key in the redirect");
        HttpResponse<String> shown = admin.get(keyPage);
        assertEquals(200, shown.statusCode());
        assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(null));
        String body = shown.body();
        HttpResponse<String> reload = admin.get(keyPage);
        assertEquals(410, reload.statusCode(), "a reload shows it no more");
        assertFalse(MERCHANT_KEY.matcher(reload.body()).find());
        assertTrue(reload.body().contains("ya se mostró") && reload.body().contains("/rotate"), reload.body());
        Matcher keys = MERCHANT_KEY.matcher(body);
        assertTrue(keys.find(), "the key is on the page");
        String key = keys.group();
        assertFalse(keys.find(), "the key appears exactly once");
        assertTrue(body.contains("esta es la única vez que se muestra"), "the page says it is shown once");
        assertTrue(body.contains("/comercio\""), "the merchant form address is given");
        UUID id = UUID.fromString(PageText.first(MERCHANT_LINK, body));

        for (String page : new String[] {"/recompensas/comercios", "/recompensas/comercios/" + id, "/recompensas/comercios/" + id + "/edit"}) {
            HttpResponse<String> r = admin.get(page);
            assertEquals(200, r.statusCode(), page);
            assertFalse(r.body().contains(key), "the key never shows again on " + page);
            assertFalse(MERCHANT_KEY.matcher(r.body()).find(), "no key at all on " + page);
        }
        assertTrue(admin.get("/recompensas/comercios").body().contains("Café Central"));

        Redemption r = pendingCodeFor(t, id);
        Api.Response lookup = new Api().withToken(key).get(LOOKUP + r.code());
        assertEquals(200, lookup.status(), "the new key signs the merchant in: " + lookup.json());
        assertEquals("pending", lookup.json().get("verdict").asText());
        assertEquals(401, new Api().withToken(key.substring(0, key.length() - 1) + "x").get(LOOKUP + r.code()).status());
    }

    @Test
    void rotatingTheKeyShowsANewOneAndTheOldOneStopsWorking() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        RewardsRows.NewMerchant m = RewardsRows.merchant(t, "Farmacia Sol");
        Redemption r = pendingCodeFor(t, m.id());
        assertEquals(200, new Api().withToken(m.key()).get(LOOKUP + r.code()).status());

        HttpResponse<String> confirm = admin.get("/recompensas/comercios/" + m.id() + "/rotate");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("dejará de funcionar"), "the confirmation page warns");
        assertFalse(MERCHANT_KEY.matcher(confirm.body()).find(), "a GET never makes a key");

        HttpResponse<String> rotation = admin.post("/recompensas/comercios/" + m.id() + "/rotate", Map.of());
        assertEquals(303, rotation.statusCode());
        Browser otherAdmin = new Browser().signedIn(t.admin());
        assertEquals(410, otherAdmin.get(rotation.headers().firstValue("Location").orElseThrow()).statusCode(),
                "only the session that rotated it sees the key");
        HttpResponse<String> rotated = admin.get(rotation.headers().firstValue("Location").orElseThrow());
        assertEquals(200, rotated.statusCode());
        String newKey = PageText.first(MERCHANT_KEY, rotated.body());
        assertNotEquals(m.key(), newKey);
        assertTrue(rotated.body().contains("esta es la única vez que se muestra"));

        assertEquals(401, new Api().withToken(m.key()).get(LOOKUP + r.code()).status(), "the old key no longer works");
        assertEquals(200, new Api().withToken(newKey).get(LOOKUP + r.code()).status(), "the new key works");
    }

    @Test
    void deactivatingAsksFirstThenRevokesTheKey() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        RewardsRows.NewMerchant m = RewardsRows.merchant(t, "Panadería Luna");
        Redemption r = pendingCodeFor(t, m.id());

        HttpResponse<String> confirm = admin.get("/recompensas/comercios/" + m.id() + "/deactivate");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Sí, desactivar"));
        HttpResponse<String> done = admin.post("/recompensas/comercios/" + m.id() + "/deactivate", Map.of());
        assertEquals("/recompensas/comercios/" + m.id(), PageText.location(done));
        assertTrue(PageText.flashAfter(admin, done).startsWith("success: Comercio «Panadería Luna» desactivado"));
        assertEquals(401, new Api().withToken(m.key()).get(LOOKUP + r.code()).status(), "an inactive merchant's key is refused");
        assertTrue(admin.get("/recompensas/comercios").body().contains("badge badge-off"));
    }

    @Test
    void invalidMerchantFormsAnswer422WithTheMessagesAndKeepWhatWasTyped() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        RewardsRows.merchant(t, "Ya Existe");

        HttpResponse<String> r = admin.post("/recompensas/comercios",
                Map.of("merchant_name", "", "contact_email", "no-es-correo", "webhook_url", "ftp://x", "is_active", "true"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-summary\""));
        assertTrue(r.body().contains("Nombre del comercio es obligatorio."), r.body());
        assertTrue(r.body().contains("id=\"contact_email-error\""));
        assertTrue(r.body().contains("value=\"no-es-correo\""), "what was typed is kept");
        assertFalse(MERCHANT_KEY.matcher(r.body()).find());

        HttpResponse<String> taken = admin.post("/recompensas/comercios", Map.of("merchant_name", "ya existe", "is_active", "true"));
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("Ya existe un comercio con ese nombre."));
        assertEquals(1, new MerchantRepository(RewardsRows.dsl()).count(t.id(), null));
    }

    @Test
    void onlyAdminsManageMerchantsAndOnlyAdminsAndOficinaMoveLumis() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser vendedor = new Browser().signedIn(t.vendedor());
        Browser oficina = new Browser().signedIn(t.oficina());
        long customer = RewardsRows.customer(t, "Rosa", 100);
        Map<String, String> credit = Map.of("direction", "credit", "amount", "50", "reason", "Compra");

        assertEquals(403, vendedor.get("/recompensas/comercios").statusCode());
        assertEquals(403, vendedor.post("/recompensas/comercios", Map.of("merchant_name", "X", "is_active", "true")).statusCode());
        assertEquals(403, oficina.post("/recompensas/comercios", Map.of("merchant_name", "X", "is_active", "true")).statusCode());
        assertEquals(403, vendedor.post("/recompensas/clientes/" + customer + "/lumis", credit).statusCode());
        assertEquals(403, oficina.post("/recompensas/catalogo", Map.of("name_friendly", "X", "lumis_cost", "1")).statusCode());
        assertEquals(100, RewardsRows.balance(t, customer));

        HttpResponse<String> page = vendedor.get("/recompensas/clientes/" + customer);
        assertEquals(200, page.statusCode(), "every staff member sees customers");
        assertFalse(page.body().contains("/lumis\""), "no credit/debit form for a vendedor");
        assertFalse(page.body().contains("href=\"/recompensas/comercios\""), "no Comercios entry in a vendedor's menu");
        assertTrue(page.body().contains("href=\"/recompensas/canjes\""), "Canjes is in every staff member's menu");
        assertEquals(200, vendedor.get("/recompensas/clientes/" + customer + "/canjear").statusCode());

        assertEquals(303, oficina.post("/recompensas/clientes/" + customer + "/lumis", credit).statusCode());
        assertEquals(150, RewardsRows.balance(t, customer));
        assertTrue(new Browser().signedIn(t.admin()).get("/dashboard").body().contains("href=\"/recompensas/comercios\""));
    }

    /** A pending code of an offer only this merchant may confirm. */
    private static Redemption pendingCodeFor(Fixtures.TestTenant t, UUID merchantId) {
        long c = RewardsRows.customer(t, "Cliente " + UUID.randomUUID().toString().substring(0, 4), 500);
        return RewardsRows.redeem(t, c, RewardsRows.offer(t, "Café gratis", 100, 10, merchantId));
    }
}
