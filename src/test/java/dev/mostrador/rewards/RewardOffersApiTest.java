package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.texts;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static dev.mostrador.support.RewardsApiFields.OFFER_FIELDS;
import static dev.mostrador.support.RewardsApiFields.SANTIAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reward offers over the rewards JSON API (/api/v1/rewards/offers), with seed 001's field names. */
class RewardOffersApiTest {

    @Test
    void offersRoundTripWithTheSeedsFieldNames() {
        RewardsData p = RewardsData.create();
        JsonNode merchant = p.merchant("Café Central");
        String merchantId = merchant.get("merchant_id").asText();
        Map<String, Object> body = RewardsData.offerBody("Café gratis", 300, 25);
        body.put("description", "Un café americano");
        body.put("offer_category", "bebidas");
        body.put("merchant_id", merchantId);
        body.put("valid_from", "2025-01-01T00:00:00");
        body.put("valid_to", "2099-12-31");
        body.put("code_lifetime_hours", 48);
        Api.Response created = p.admin.post(BASE + "/offers", body);
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode o = created.json();
        assertEquals(OFFER_FIELDS, fields(o));
        assertEquals("Café gratis", o.get("name_friendly").asText());
        assertEquals("Un café americano", o.get("description").asText());
        assertEquals("bebidas", o.get("offer_category").asText());
        assertEquals(300, o.get("lumis_cost").asInt());
        assertEquals(25, o.get("stock_quantity").asInt());
        assertEquals(merchantId, o.get("merchant_id").asText());
        assertEquals("Café Central", o.get("merchant_name").asText());
        assertTrue(o.get("is_active").asBoolean());
        assertEquals(LocalDate.of(2025, 1, 1).atStartOfDay(SANTIAGO).toInstant(), OffsetDateTime.parse(o.get("valid_from").asText()).toInstant(),
                "local times are the tenant's");
        assertEquals(LocalDate.of(2099, 12, 31).atTime(23, 59, 59).atZone(SANTIAGO).toInstant(),
                OffsetDateTime.parse(o.get("valid_to").asText()).toInstant(), "a bare end date is its last second");
        assertEquals(48, o.get("code_lifetime_hours").asInt());
        String id = o.get("offer_id").asText();
        assertEquals(o, p.vendedor.get(BASE + "/offers/" + id).json(), "GET answers what POST stored");

        Map<String, Object> change = RewardsData.offerBody("Café doble", 450, null);
        change.put("is_active", false);
        Api.Response updated = p.admin.put(BASE + "/offers/" + id, change);
        assertEquals(200, updated.status(), String.valueOf(updated.json()));
        assertEquals("Café doble", updated.json().get("name_friendly").asText());
        assertEquals(450, updated.json().get("lumis_cost").asInt());
        assertTrue(updated.json().get("stock_quantity").isNull(), "no stock means unlimited");
        assertTrue(updated.json().get("merchant_id").isNull());
        assertFalse(updated.json().get("is_active").asBoolean());
        assertEquals(72, updated.json().get("code_lifetime_hours").asInt(), "the default lifetime");
        assertEquals(updated.json(), p.vendedor.get(BASE + "/offers/" + id).json());

        assertEquals(403, p.oficina.post(BASE + "/offers", RewardsData.offerBody("No", 1, 1)).status());
        assertEquals(403, p.oficina.put(BASE + "/offers/" + id, RewardsData.offerBody("No", 1, 1)).status());
        assertEquals(404, p.vendedor.get(BASE + "/offers/" + UUID.randomUUID()).status());
        assertEquals(404, p.vendedor.get(BASE + "/offers/not-a-uuid").status());
        assertEquals(404, p.admin.put(BASE + "/offers/" + UUID.randomUUID(), RewardsData.offerBody("X", 1, 1)).status());
    }

    @Test
    void badOfferBodiesAnswer422NamingEachField() {
        RewardsData p = RewardsData.create();
        RewardsData other = RewardsData.create();
        String foreignMerchant = other.merchant("Ajeno").get("merchant_id").asText();
        assertBody(422, "{'error':'validation_failed','fields':{'name_friendly':'Reward name is required.',"
                + "'lumis_cost':'must be a whole number of 1 or more'}}", p.admin.post(BASE + "/offers", Map.of()));
        Map<String, Object> bad = new HashMap<>();
        bad.put("name_friendly", "Malo");
        bad.put("offer_category", "c".repeat(51));
        bad.put("lumis_cost", 0);
        bad.put("stock_quantity", -1);
        bad.put("merchant_id", "no-uuid");
        bad.put("valid_from", "2026-13-01");
        bad.put("valid_to", "mañana");
        bad.put("code_lifetime_hours", 0);
        assertBody(422, "{'error':'validation_failed','fields':{'offer_category':'Category takes at most 50 characters.',"
                + "'lumis_cost':'must be a whole number of 1 or more','stock_quantity':'must be a whole number of 0 or more (empty: unlimited)',"
                + "'merchant_id':'must be a merchant id','valid_from':'must be a date and time such as 2026-01-24T00:00:00',"
                + "'valid_to':'must be a date and time such as 2026-01-24T00:00:00','code_lifetime_hours':'must be from 1 to 8760 hours'}}",
                p.admin.post(BASE + "/offers", bad));
        Map<String, Object> window = RewardsData.offerBody("Ventana", 10, 1);
        window.put("valid_from", "2030-01-02");
        window.put("valid_to", "2030-01-01");
        assertBody(422, "{'error':'validation_failed','fields':{'valid_to':'must be after valid_from'}}", p.admin.post(BASE + "/offers", window));
        Map<String, Object> fraction = RewardsData.offerBody("Fracción", 10, 1);
        fraction.put("lumis_cost", 1.5);
        fraction.put("code_lifetime_hours", 8761);
        fraction.put("is_active", "sí");
        assertBody(422, "{'error':'validation_failed','fields':{'lumis_cost':'must be a whole number of 1 or more',"
                + "'code_lifetime_hours':'must be from 1 to 8760 hours','is_active':'must be true or false'}}", p.admin.post(BASE + "/offers", fraction));
        Map<String, Object> foreign = RewardsData.offerBody("Ajena", 10, 1);
        foreign.put("merchant_id", foreignMerchant);
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", p.admin.post(BASE + "/offers", foreign));
        foreign.put("merchant_id", UUID.randomUUID().toString());
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", p.admin.post(BASE + "/offers", foreign));
        assertEquals(0, p.count("SELECT count(*) FROM rewards.redemption_offers WHERE tenant_id = ?", p.id()));
    }

    @Test
    void getOffersListsOnlyActiveInWindowOffersWithStock() {
        RewardsData p = RewardsData.create();
        LocalDate today = LocalDate.now(SANTIAGO);
        p.offer("Café", 300, 5);
        p.offer("Agua", 100, null);
        String last = p.offer("Empate", 300, 1);
        Map<String, Object> inactive = RewardsData.offerBody("Inactiva", 50, 10);
        inactive.put("is_active", false);
        p.offer(inactive);
        Map<String, Object> future = RewardsData.offerBody("Futura", 50, 10);
        future.put("valid_from", today.plusDays(2).toString());
        p.offer(future);
        Map<String, Object> past = RewardsData.offerBody("Vencida", 50, 10);
        past.put("valid_from", today.minusDays(10).toString());
        past.put("valid_to", today.minusDays(2).toString());
        p.offer(past);
        p.offer("Agotada", 50, 0);

        assertEquals(List.of("Agua", "Café", "Empate"), texts(p.vendedor.get(BASE + "/offers").json(), "name_friendly"), "cheapest first, then by name");
        assertEquals(List.of("Agua", "Café", "Empate"), texts(p.vendedor.get(BASE + "/offers?all=true").json(), "name_friendly"),
                "only admins may ask for all");
        assertEquals(List.of("Agotada", "Agua", "Café", "Empate", "Futura", "Vencida", "Inactiva"),
                texts(p.admin.get(BASE + "/offers?all=true").json(), "name_friendly"));
        assertEquals(OFFER_FIELDS, fields(p.vendedor.get(BASE + "/offers").json().get(0)));

        String redemption = p.redeem(p.customer("Cliente", 300), last).get("redemption_id").asText();
        assertEquals(0, p.stock(last));
        assertEquals(List.of("Agua", "Café"), texts(p.vendedor.get(BASE + "/offers").json(), "name_friendly"), "sold out drops off");
        assertEquals(200, p.oficina.post(BASE + "/redemptions/" + redemption + "/cancel", Map.of()).status());
        assertEquals(List.of("Agua", "Café", "Empate"), texts(p.vendedor.get(BASE + "/offers").json(), "name_friendly"),
                "back in stock at once: the cached list is dropped by the cancel");
        Map<String, Object> switchedOff = RewardsData.offerBody("Agua", 100, null);
        switchedOff.put("is_active", false);
        String agua = p.vendedor.get(BASE + "/offers").json().get(0).get("offer_id").asText();
        assertEquals(200, p.admin.put(BASE + "/offers/" + agua, switchedOff).status());
        assertEquals(List.of("Café", "Empate"), texts(p.vendedor.get(BASE + "/offers").json(), "name_friendly"), "and by an edit");
    }
}
