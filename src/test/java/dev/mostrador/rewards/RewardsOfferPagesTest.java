package dev.mostrador.rewards;

import dev.mostrador.rewards.offers.RewardOffer;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.PageText;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recompensas (reward offers) pages: validation, the tenant's merchants only, badges, the tenant's time zone. */
class RewardsOfferPagesTest {

    @Test
    void invalidOffersAnswer422WithEveryMessageAndKeepWhatWasTyped() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(200, admin.get("/recompensas/catalogo/new").statusCode());
        HttpResponse<String> r = admin.post("/recompensas/catalogo", form("", "0", "-1", "", "2026-02-01T10:00", "2026-01-01T10:00", "0"));
        assertEquals(422, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("id=\"error-summary\""));
        assertTrue(body.contains("Nombre de la recompensa es obligatorio."));
        assertTrue(body.contains("id=\"lumis_cost-error\""));
        assertTrue(body.contains("id=\"stock_quantity-error\""));
        assertTrue(body.contains("id=\"valid_to-error\""));
        assertTrue(body.contains("id=\"code_lifetime_hours-error\""));
        assertTrue(body.contains("value=\"-1\""), "what was typed is kept");
        assertTrue(body.contains("value=\"2026-02-01T10:00\""));
        assertEquals(0, RewardsRows.offers().count(t.id(), null));
    }

    @Test
    void anotherTenantsMerchantIsRefusedWith422() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        UUID foreign = RewardsRows.merchant(other, "Ajeno").id();
        Browser admin = new Browser().signedIn(t.admin());

        HttpResponse<String> r = admin.post("/recompensas/catalogo", form("Café", "100", "", foreign.toString(), "", "", "72"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"merchant_id-error\""));
        assertTrue(r.body().contains("Elija un comercio de la lista."));
        assertFalse(r.body().contains("Ajeno"), "the other tenant's merchant is not offered");
        assertEquals(0, RewardsRows.offers().count(t.id(), null));
        assertEquals(422, admin.post("/recompensas/catalogo", form("Café", "100", "", "no-es-uuid", "", "", "72")).statusCode());
    }

    @Test
    void adminCreatesAndEditsOffersThatEveryoneSeesWithTheirBadges() {
        Fixtures.TestTenant t = Fixtures.tenant();
        UUID merchant = RewardsRows.merchant(t, "Heladería Polo").id();
        Browser admin = new Browser().signedIn(t.admin());

        HttpResponse<String> created = admin.post("/recompensas/catalogo", form("Helado doble", "250", "3", merchant.toString(), "", "", ""));
        assertEquals("/recompensas/catalogo", PageText.location(created));
        assertTrue(PageText.flashAfter(admin, created).startsWith("success: Recompensa «Helado doble» creada."));
        RewardOffer offer = RewardsRows.offers().search(t.id(), "helado", 10, 0).get(0);
        assertEquals(merchant, offer.merchantId());
        assertEquals(72, offer.codeLifetimeHours(), "empty lifetime is the default of 72 hours");
        assertNull(offer.validTo());

        Browser vendedor = new Browser().signedIn(t.vendedor());
        String list = vendedor.get("/recompensas/catalogo").body();
        assertTrue(list.contains("Helado doble") && list.contains("Heladería Polo") && list.contains(">Activa</span>"));
        assertFalse(list.contains("/recompensas/catalogo/new"), "only admins create");
        assertEquals(403, vendedor.get("/recompensas/catalogo/" + offer.id() + "/edit").statusCode());

        HttpResponse<String> edit = admin.get("/recompensas/catalogo/" + offer.id() + "/edit");
        assertEquals(200, edit.statusCode());
        assertTrue(edit.body().contains("value=\"250\""));
        assertTrue(edit.body().contains("<option value=\"" + merchant + "\" selected>"), edit.body());

        // Stock 0 is sold out; a window in the future is out of its dates, read in the tenant's zone.
        assertEquals(303, admin.post("/recompensas/catalogo/" + offer.id(), form("Helado doble", "250", "0", "", "", "", "48")).statusCode());
        assertTrue(admin.get("/recompensas/catalogo").body().contains(">Agotada</span>"));
        assertEquals(303, admin.post("/recompensas/catalogo/" + offer.id(), form("Helado doble", "250", "", "", "2030-01-05T09:30", "2030-02-01T00:00", "48")).statusCode());
        RewardOffer later = RewardsRows.offers().find(t.id(), offer.id()).orElseThrow();
        ZonedDateTime from = later.validFrom().atZoneSameInstant(t.tenant().zone());
        assertEquals(9, from.getHour());
        assertEquals(30, from.getMinute());
        assertNull(later.stock(), "empty stock is unlimited");
        assertNull(later.merchantId(), "none = any merchant of the tenant");
        String after = admin.get("/recompensas/catalogo").body();
        assertTrue(after.contains(">Fuera de vigencia</span>") && after.contains("Sin límite") && after.contains("Cualquier comercio"));
    }

    @Test
    void anotherTenantsOfferIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        UUID offer = RewardsRows.offer(Fixtures.tenant(), "Ajena", 10, null, null);
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(404, admin.get("/recompensas/catalogo/" + offer + "/edit").statusCode());
        assertEquals(404, admin.post("/recompensas/catalogo/" + offer, form("Mía", "1", "", "", "", "", "72")).statusCode());
        assertEquals(404, admin.get("/recompensas/catalogo/no-es-uuid/edit").statusCode());
    }

    private static Map<String, String> form(String name, String cost, String stock, String merchant, String from, String to, String lifetime) {
        Map<String, String> f = new HashMap<>();
        f.put("name_friendly", name);
        f.put("description", "");
        f.put("offer_category", "");
        f.put("lumis_cost", cost);
        f.put("stock_quantity", stock);
        f.put("merchant_id", merchant);
        f.put("valid_from", from);
        f.put("valid_to", to);
        f.put("code_lifetime_hours", lifetime);
        f.put("is_active", "true");
        return f;
    }
}
