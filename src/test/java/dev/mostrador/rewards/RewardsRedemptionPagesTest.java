package dev.mostrador.rewards;

import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.PageText;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canjes pages: filters and the keyset cursor, the audit trail, cancelling with refund and restock, tenancy. */
class RewardsRedemptionPagesTest {
    private static final Pattern ROW = Pattern.compile("<a class=\"code-link\" href=\"/recompensas/canjes/([0-9a-f-]{36})\"><code>");
    private static final Pattern OLDER = Pattern.compile("href=\"([^\"]+)\" data-testid=\"older\"");

    @Test
    void theListFiltersAndWalksBackWithAKeysetCursor() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long c = RewardsRows.customer(t, "Masiva", 0);
        UUID merchant = RewardsRows.merchant(t, "Kiosco").id();
        UUID plain = RewardsRows.offer(t, "Bebida", 10, null, null);
        UUID ofMerchant = RewardsRows.offer(t, "Snack", 10, null, merchant);
        // 120 rows in pairs sharing a creation time, so the cursor's tie-break on the id matters.
        RewardsRows.dsl().execute("INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, "
                + "redemption_status, code_expires_at, created_at) SELECT ?, ?, CASE WHEN i % 4 = 0 THEN ?::uuid ELSE ?::uuid END, 10, "
                + "'T' || upper(substr(md5(random()::text || i), 1, 20)), CASE WHEN i % 3 = 0 THEN 'cancelled' ELSE 'pending' END, "
                + "now() + interval '1 day', date_trunc('second', now()) - ((i / 2) || ' hours')::interval FROM generate_series(1, 120) i",
                t.id(), c, ofMerchant, plain);
        Browser vendedor = new Browser().signedIn(t.vendedor());

        Set<String> seen = new LinkedHashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String url = "/recompensas/canjes";
        while (url != null) {
            String body = vendedor.get(url).body();
            List<String> ids = ids(body);
            pageSizes.add(ids.size());
            seen.addAll(ids);
            Matcher older = OLDER.matcher(body);
            url = older.find() ? older.group(1).replace("&amp;", "&") : null;
            if (url != null) assertTrue(url.contains("before="), url);
        }
        assertEquals(List.of(50, 50, 20), pageSizes);
        assertEquals(120, seen.size(), "every row once, none twice");

        assertEquals(40, ids(vendedor.get("/recompensas/canjes?status=cancelled").body()).size());
        assertEquals(30, ids(vendedor.get("/recompensas/canjes?offer=" + ofMerchant).body()).size());
        assertEquals(30, ids(vendedor.get("/recompensas/canjes?merchant=" + merchant).body()).size());
        String cancelledOfMerchant = vendedor.get("/recompensas/canjes?status=cancelled&merchant=" + merchant).body();
        assertEquals(10, ids(cancelledOfMerchant).size(), "i divisible by 12");
        assertTrue(cancelledOfMerchant.contains("<option value=\"cancelled\" selected>"), "the filter stays chosen");

        LocalDate yesterday = LocalDate.now(t.tenant().zone()).minusDays(1);
        int expected = RewardsRows.dsl().fetchOne("SELECT count(*)::int FROM rewards.user_redemptions WHERE tenant_id = ? "
                + "AND created_at >= ?::date::timestamp AT TIME ZONE ? AND created_at < (?::date + 1)::timestamp AT TIME ZONE ?",
                t.id(), yesterday.toString(), t.tenant().zone().getId(), yesterday.toString(), t.tenant().zone().getId()).get(0, Integer.class);
        assertEquals(expected, ids(vendedor.get("/recompensas/canjes?from=" + yesterday + "&to=" + yesterday).body()).size());
        assertTrue(expected > 0);
        assertEquals(50, ids(vendedor.get("/recompensas/canjes?before=garbage&status=nope&from=x").body()).size(), "bad input is ignored");
    }

    @Test
    void theAuditTrailShowsCreationAndTheMerchantsConfirmation() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.NewMerchant m = RewardsRows.merchant(t, "Café Norte");
        long c = RewardsRows.customer(t, "Pedro", 300);
        UUID offer = RewardsRows.offer(t, "Cortado", 120, 5, m.id());
        Browser admin = new Browser().signedIn(t.admin());
        String page = PageText.location(admin.post("/recompensas/clientes/" + c + "/canjear", Map.of("offer_id", offer.toString())));
        Redemption r = RewardsRows.redemptions().find(t.id(), UUID.fromString(page.substring(page.lastIndexOf('/') + 1))).orElseThrow();

        Api.Response confirmed = new Api().withToken(m.key()).post("/api/v1/rewards/redemptions/" + r.code() + "/confirm", Map.of());
        assertEquals(200, confirmed.status(), String.valueOf(confirmed.json()));

        String body = admin.get(page).body();
        assertTrue(body.contains(">Canjeado</span>"), "status badge");
        assertTrue(body.contains("Canjeado por Ana Admin desde la web: 120 lümis"), "the staff member who redeemed, and from where");
        assertTrue(body.contains(admin.ip()), "their IP");
        assertTrue(body.contains("Confirmado por Café Norte desde la API"), "the merchant who confirmed, by name");
        assertTrue(body.contains("Café Norte"));
        assertFalse(body.contains("data-testid=\"cancel\""), "a confirmed code cannot be cancelled");

        String merchantPage = admin.get("/recompensas/comercios/" + m.id()).body();
        assertTrue(merchantPage.contains("data-testid=\"total-redemptions\">1<"));
        assertTrue(merchantPage.contains("data-testid=\"total-lumis\">120<"));
        assertTrue(merchantPage.contains(r.displayCode()), "in the recent confirmations");
        assertTrue(merchantPage.contains("<svg class=\"bar-chart\""), "the chart");
        assertTrue(merchantPage.contains("aria-label=\"Últimos 30 días: 1 confirmación en total"), "its summary for screen readers");
        assertTrue(merchantPage.contains("<rect class=\"bar\""), "today's bar");
    }

    @Test
    void cancellingAPendingCodeRefundsAndRestocksOnce() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long c = RewardsRows.customer(t, "Inés", 300);
        UUID offer = RewardsRows.offer(t, "Postre", 100, 5, null);
        Redemption r = RewardsRows.redeem(t, c, offer);
        assertEquals(200, RewardsRows.balance(t, c));
        Browser oficina = new Browser().signedIn(t.oficina());
        String base = "/recompensas/canjes/" + r.id();

        assertEquals(403, new Browser().signedIn(t.vendedor()).post(base + "/cancel", Map.of()).statusCode());
        HttpResponse<String> confirm = oficina.get(base + "/cancel");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Se le devuelven 100 lümis"));
        HttpResponse<String> done = oficina.post(base + "/cancel", Map.of());
        assertEquals(base, PageText.location(done));
        assertEquals("success: Canje " + r.displayCode() + " anulado: se devolvieron 100 lümis a Inés.", PageText.flashAfter(oficina, done));
        assertEquals(300, RewardsRows.balance(t, c));
        assertEquals(5, RewardsRows.stock(t, offer));
        assertEquals(300, RewardsRows.ledger().sumFor(t.id(), c));
        String body = oficina.get(base).body();
        assertTrue(body.contains("Anulado por Óscar Oficina desde la web: se devolvieron 100 lümis al cliente"));

        assertEquals("error: Solo se puede anular un canje pendiente (estado de este: Anulado).",
                PageText.flashAfter(oficina, oficina.post(base + "/cancel", Map.of())));
        assertEquals(300, RewardsRows.balance(t, c), "refunded once");
    }

    @Test
    void anotherTenantsRedemptionOrMerchantIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        RewardsRows.NewMerchant m = RewardsRows.merchant(other, "Ajeno");
        long c = RewardsRows.customer(other, "Ajeno", 100);
        Redemption r = RewardsRows.redeem(other, c, RewardsRows.offer(other, "Ajena", 10, null, null));
        Browser admin = new Browser().signedIn(t.admin());
        String redemption = "/recompensas/canjes/" + r.id();
        String merchant = "/recompensas/comercios/" + m.id();
        for (String path : List.of(redemption, redemption + "/cancel", merchant, merchant + "/edit", merchant + "/rotate",
                merchant + "/deactivate", "/recompensas/canjes/no-es-uuid", "/recompensas/comercios/123")) {
            assertEquals(404, admin.get(path).statusCode(), path);
        }
        for (String path : List.of(redemption + "/cancel", merchant, merchant + "/rotate", merchant + "/deactivate")) {
            assertEquals(404, admin.post(path, Map.of("merchant_name", "Mío", "is_active", "true")).statusCode(), path);
        }
        assertEquals("pending", RewardsRows.redemptions().find(other.id(), r.id()).orElseThrow().status());
        assertEquals(200, new Api().withToken(m.key()).get("/api/v1/rewards/merchant/redemptions/" + r.code()).status(), "key untouched");
        assertFalse(admin.get("/recompensas/canjes").body().contains(r.displayCode()));
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }
}
