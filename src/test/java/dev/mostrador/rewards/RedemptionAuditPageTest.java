package dev.mostrador.rewards;

import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Eventually;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.PageText;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A redemption's page tells its history in sentences: who, from where, how many lümis, which browser; never raw keys. */
class RedemptionAuditPageTest {
    private static final Pattern RAW_KEY = Pattern.compile("\\b(channel|to|from|lumis|verdict|actor_id):");
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    @Test
    void redeemedLookedUpAndConfirmedReadAsSentences() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.NewMerchant m = RewardsRows.merchant(t, "Café Norte");
        long c = RewardsRows.customer(t, "Pedro", 5000);
        UUID offer = RewardsRows.offer(t, "Cortado", 1200, 5, m.id());
        Browser admin = new Browser().signedIn(t.admin());
        String page = PageText.location(admin.post("/recompensas/clientes/" + c + "/canjear", Map.of("offer_id", offer.toString())));
        Redemption r = RewardsRows.redemptions().find(t.id(), UUID.fromString(page.substring(page.lastIndexOf('/') + 1))).orElseThrow();
        Api merchant = new Api().withToken(m.key());
        assertEquals(200, merchant.get("/api/v1/rewards/merchant/redemptions/" + r.code()).status());
        assertEquals(200, merchant.post("/api/v1/rewards/redemptions/" + r.code() + "/confirm", Map.of()).status());
        // A look-up from a phone's browser, with data no sentence knows (a later version's key).
        RewardsRows.dsl().execute("INSERT INTO rewards.redemption_audit_log (tenant_id, redemption_id, action, actor_type, actor_id, "
                + "ip_address, user_agent, metadata) VALUES (?, ?, 'validated', 'merchant', ?, '203.0.113.9', ?, ?::jsonb)",
                t.id(), r.id(), m.id().toString(), ANDROID, "{\"channel\": \"web\", \"verdict\": \"confirmed\", \"terminal\": \"caja 2\"}");

        Eventually.eventually(() -> assertTrue(admin.get(page).body().contains("estaba pendiente"), "the batched look-up row"));
        String body = admin.get(page).body();
        assertTrue(body.contains("Canjeado por Ana Admin desde la web: 1.200 lümis"), body);
        assertTrue(body.contains("Consultado por Café Norte desde la API: el código estaba pendiente"));
        assertTrue(body.contains("Confirmado por Café Norte desde la API: la recompensa se entregó (1.200 lümis)"));
        assertTrue(body.contains("Consultado por Café Norte desde el portal de comercios: el código ya estaba canjeado"));
        assertTrue(body.contains("Otros datos: «terminal» caja 2"), "an unknown key, in words");
        assertTrue(body.contains("title=\"" + ANDROID + "\" data-testid=\"audit-device\">Chrome en Android</summary>"), "summary, full UA in title");
        assertTrue(body.contains(ANDROID + "</span></details>"), "and inside the details element");
        assertTrue(body.contains(">Cliente de API</summary>"), "the test's Java HTTP client");
        assertTrue(body.contains(admin.ip()) && body.contains("203.0.113.9"), "the IPs");
        assertFalse(RAW_KEY.matcher(body).find(), "no raw metadata keys");
        assertFalse(body.contains(t.admin()), "the staff member by name, not by e-mail");
    }

    @Test
    void cancelledByStaffAndExpiredByTheJobReadAsSentences() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long c = RewardsRows.customer(t, "Inés", 30_000);
        UUID offer = RewardsRows.offer(t, "Cena", 12_500, null, null);
        Redemption cancelled = RewardsRows.redeem(t, c, offer);
        Redemption expired = RewardsRows.redeem(t, c, offer);
        Browser oficina = new Browser().signedIn(t.oficina());
        assertEquals(303, oficina.post("/recompensas/canjes/" + cancelled.id() + "/cancel", Map.of()).statusCode());
        RewardsRows.dsl().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' WHERE redemption_id = ?", expired.id());
        RewardsRows.dsl().fetchValue("SELECT rewards.expire_old_redemptions()");

        String one = oficina.get("/recompensas/canjes/" + cancelled.id()).body();
        assertTrue(one.contains("Canjeado por el sistema: 12.500 lümis"), one);
        assertTrue(one.contains("Anulado por Óscar Oficina desde la web: se devolvieron 12.500 lümis al cliente"));
        assertFalse(RAW_KEY.matcher(one).find(), "no raw metadata keys");
        String other = oficina.get("/recompensas/canjes/" + expired.id()).body();
        assertTrue(other.contains("Vencido por el trabajo de vencimiento: se devolvieron 12.500 lümis al cliente"), other);
        assertFalse(RAW_KEY.matcher(other).find(), "no raw metadata keys");

        RewardsRows.dsl().execute("UPDATE tenants SET locale = 'en-US' WHERE id = ?", t.id());
        String english = new Browser().signedIn(t.oficina()).get("/recompensas/canjes/" + cancelled.id()).body();
        assertTrue(english.contains("Cancelled by Óscar Oficina from the web: 12,500 lümis went back to the customer"), english);
    }

    @Test
    void aMerchantsPageTellsItsLatestActivityWithCodesAndFailedLookUps() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.NewMerchant m = RewardsRows.merchant(t, "Kiosco Sur");
        RewardsRows.NewMerchant other = RewardsRows.merchant(t, "Otro Local");
        long c = RewardsRows.customer(t, "Lía", 4000);
        Redemption r = RewardsRows.redeem(t, c, RewardsRows.offer(t, "Jugo", 1500, null, null));
        Api key = new Api().withToken(m.key());
        assertEquals(404, key.get("/api/v1/rewards/merchant/redemptions/zzzzzzzzzz").status());
        assertEquals(200, key.post("/api/v1/rewards/redemptions/" + r.code() + "/confirm", Map.of()).status());
        assertEquals(404, new Api().withToken(other.key()).get("/api/v1/rewards/merchant/redemptions/yyyyyyyyyy").status());

        Browser admin = new Browser().signedIn(t.admin());
        String path = "/recompensas/comercios/" + m.id();
        Eventually.eventually(() -> assertTrue(admin.get(path).body().contains("ZZZZZ-ZZZZZ"), "the batched failed look-up"));
        String body = admin.get(path).body();
        assertTrue(body.contains("Actividad reciente"));
        assertTrue(body.contains("Búsqueda fallida por Kiosco Sur desde la API: el código ZZZZZ-ZZZZZ no existe"), body);
        assertTrue(body.contains("Confirmado por Kiosco Sur desde la API: la recompensa se entregó (1.500 lümis)"));
        assertTrue(body.contains("href=\"/recompensas/canjes/" + r.id() + "\"><code>" + r.displayCode() + "</code>"), "the code, with its dash");
        assertFalse(body.contains("YYYYY-YYYYY"), "another merchant's activity");
        assertFalse(RAW_KEY.matcher(body).find(), "no raw metadata keys");
        assertTrue(admin.get("/recompensas/comercios/" + other.id()).body().contains("YYYYY-YYYYY"));
    }
}
