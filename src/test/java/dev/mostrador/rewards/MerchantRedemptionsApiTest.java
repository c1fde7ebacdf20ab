package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.support.Eventually.eventually;
import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static dev.mostrador.support.RewardsApiFields.MERCHANT_VIEW_FIELDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merchants look up and confirm redemption codes over the rewards JSON API (/api/v1/rewards/merchant/...). */
class MerchantRedemptionsApiTest {

    @Test
    void merchantsLookUpAndConfirmCodesOnce() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Vale", 1000);
        JsonNode m1 = p.merchant("Heladería Uno");
        JsonNode m2 = p.merchant("Heladería Dos");
        Api pos1 = Api.merchant(m1.get("api_key").asText());
        Api pos2 = Api.merchantBearer(m2.get("api_key").asText());
        Map<String, Object> bound = RewardsData.offerBody("Cono de Uno", 100, null);
        bound.put("merchant_id", m1.get("merchant_id").asText());
        String onlyM1 = p.offer(bound).get("offer_id").asText();
        String anyMerchant = p.offer("Cono libre", 50, null);

        JsonNode r = p.redeem(customer, onlyM1);
        String code = r.get("redemption_code").asText();
        Api.Response pending = pos1.get(BASE + "/merchant/redemptions/" + code.substring(0, 5).toLowerCase() + "-" + code.substring(5).toLowerCase());
        assertEquals(200, pending.status(), "typed in lower case with the dash: " + pending.json());
        assertEquals(MERCHANT_VIEW_FIELDS, fields(pending.json()), "the offer and its state, nothing about the customer");
        assertEquals("pending", pending.json().get("verdict").asText());
        assertEquals(code, pending.json().get("redemption_code").asText());
        assertEquals("Cono de Uno", pending.json().get("offer_name").asText());
        assertEquals(100, pending.json().get("lumis_spent").asInt());
        assertEquals("pending", pending.json().get("redemption_status").asText());
        assertTrue(pending.json().get("validated_at").isNull());

        assertBody(200, "{'verdict':'other_merchant'}", pos2.get(BASE + "/merchant/redemptions/" + code));
        assertBody(403, "{'verdict':'other_merchant'}", pos2.post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        assertEquals("pending", p.status(r.get("redemption_id").asText()));

        Api.Response confirmed = pos1.post(BASE + "/redemptions/" + code + "/confirm", Map.of());
        assertEquals(200, confirmed.status(), String.valueOf(confirmed.json()));
        assertEquals("confirmed_now", confirmed.json().get("verdict").asText());
        assertEquals("confirmed", confirmed.json().get("redemption_status").asText());
        assertFalse(confirmed.json().get("validated_at").isNull());
        Api.Response twice = pos1.post(BASE + "/redemptions/" + code + "/confirm", Map.of());
        assertEquals(409, twice.status());
        assertEquals("confirmed", twice.json().get("verdict").asText());
        assertEquals(confirmed.json().get("validated_at"), twice.json().get("validated_at"), "the first confirmation stands");
        assertEquals("confirmed", pos1.get(BASE + "/merchant/redemptions/" + code).json().get("verdict").asText());
        JsonNode shown = p.vendedor.get(BASE + "/redemptions/" + r.get("redemption_id").asText()).json();
        assertEquals(m1.get("merchant_id"), shown.get("validated_by_merchant_id"));

        // Any merchant of the tenant confirms an offer bound to none.
        String free = p.redeem(customer, anyMerchant).get("redemption_code").asText();
        assertEquals("confirmed_now", pos2.post(BASE + "/redemptions/" + free + "/confirm", Map.of()).json().get("verdict").asText());

        // Past its time but not yet swept by the job: expired for the merchant.
        JsonNode late = p.redeem(customer, anyMerchant);
        RewardsData.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 second' WHERE redemption_id = ?::uuid",
                late.get("redemption_id").asText());
        assertEquals("expired", pos1.get(BASE + "/merchant/redemptions/" + late.get("redemption_code").asText()).json().get("verdict").asText());
        Api.Response lateConfirm = pos1.post(BASE + "/redemptions/" + late.get("redemption_code").asText() + "/confirm", Map.of());
        assertEquals(409, lateConfirm.status());
        assertEquals("expired", lateConfirm.json().get("verdict").asText());
        assertEquals("pending", p.status(late.get("redemption_id").asText()), "the job, not the merchant, expires it");

        JsonNode dropped = p.redeem(customer, anyMerchant);
        p.oficina.post(BASE + "/redemptions/" + dropped.get("redemption_id").asText() + "/cancel", Map.of());
        Api.Response cancelledConfirm = pos1.post(BASE + "/redemptions/" + dropped.get("redemption_code").asText() + "/confirm", Map.of());
        assertEquals(409, cancelledConfirm.status());
        assertEquals("cancelled", cancelledConfirm.json().get("verdict").asText());

        assertBody(404, "{'error':'unknown_code'}", pos1.get(BASE + "/merchant/redemptions/ABC"));
        assertBody(404, "{'verdict':'unknown'}", pos1.get(BASE + "/merchant/redemptions/ZZZZZZZZZZ"));
        assertEquals(1, p.count("SELECT total_redemptions FROM rewards.merchants WHERE merchant_id = ?::uuid", m1.get("merchant_id").asText()));
        assertEquals(1, p.count("SELECT total_redemptions FROM rewards.merchants WHERE merchant_id = ?::uuid", m2.get("merchant_id").asText()));
    }

    @Test
    void merchantStatsChangeOnlyOnPendingToConfirmed() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Stats", 1000);
        JsonNode m = p.merchant("Cafetería");
        String merchantId = m.get("merchant_id").asText();
        Api pos = Api.merchant(m.get("api_key").asText());
        String offer = p.offer("Latte", 120, 10);
        JsonNode toConfirm = p.redeem(customer, offer);
        JsonNode toCancel = p.redeem(customer, offer);
        JsonNode toExpire = p.redeem(customer, offer);
        String stats = "SELECT total_redemptions || '/' || total_lumis_redeemed FROM rewards.merchants WHERE merchant_id = ?::uuid";

        pos.get(BASE + "/merchant/redemptions/" + toConfirm.get("redemption_code").asText());
        assertEquals("0/0", RewardsData.db().fetchValue(stats, merchantId), "a look-up is not a confirmation");
        assertEquals(200, pos.post(BASE + "/redemptions/" + toConfirm.get("redemption_code").asText() + "/confirm", Map.of()).status());
        assertEquals("1/120", RewardsData.db().fetchValue(stats, merchantId));
        assertEquals(409, pos.post(BASE + "/redemptions/" + toConfirm.get("redemption_code").asText() + "/confirm", Map.of()).status());
        assertEquals("1/120", RewardsData.db().fetchValue(stats, merchantId));

        assertEquals(200, p.oficina.post(BASE + "/redemptions/" + toCancel.get("redemption_id").asText() + "/cancel", Map.of()).status());
        assertEquals("1/120", RewardsData.db().fetchValue(stats, merchantId), "cancelling is not a confirmation");
        RewardsData.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' WHERE redemption_id = ?::uuid",
                toExpire.get("redemption_id").asText());
        RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()");
        assertEquals("expired", p.status(toExpire.get("redemption_id").asText()));
        assertEquals("1/120", RewardsData.db().fetchValue(stats, merchantId), "expiring is not a confirmation");
        RewardsData.db().execute("UPDATE rewards.user_redemptions SET updated_at = now() WHERE redemption_id = ?::uuid", toConfirm.get("redemption_id").asText());
        assertEquals("1/120", RewardsData.db().fetchValue(stats, merchantId), "touching a confirmed row counts nothing");

        JsonNode shown = p.admin.get(BASE + "/merchants/" + merchantId).json();
        assertEquals(1, shown.get("total_redemptions").asInt());
        assertEquals(120, shown.get("total_lumis_redeemed").asLong());
    }

    @Test
    void onlyUnknownCodesCountTowardsTheGuard() throws Exception {
        RewardsData p = RewardsData.create();
        JsonNode m1 = p.merchant("Kiosco Norte");
        JsonNode m2 = p.merchant("Kiosco Sur");
        Api pos = Api.merchant(m1.get("api_key").asText());
        Api other = Api.merchant(m2.get("api_key").asText());
        long customer = p.customer("Guardia", 100);
        String code = p.redeem(customer, p.offer("Chicle", 1, null)).get("redemption_code").asText();
        assertEquals(200, other.get(BASE + "/merchant/redemptions/" + code).status(), "both keys verified before the clock matters");
        // The guard counts in fixed one-minute windows: run the sequence well inside one.
        long second = (System.currentTimeMillis() / 1000) % 60;
        if (second >= 50) Thread.sleep((60 - second) * 1000 + 200);

        for (int i = 0; i < 15; i++) assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + code).status(), "known codes never count");
        for (int i = 0; i < 5; i++) assertBody(404, "{'error':'unknown_code'}", pos.get(BASE + "/merchant/redemptions/NOPE" + i));
        for (int i = 0; i < 5; i++) assertBody(404, "{'verdict':'unknown'}", pos.post(BASE + "/redemptions/ZZZZZZZZZ" + i + "/confirm", Map.of()));
        Api.Response blocked = pos.get(BASE + "/merchant/redemptions/" + code);
        assertBody(429, "{'error':'too_many_unknown_codes'}", blocked);
        assertEquals("60", blocked.header("Retry-After"));
        assertBody(429, "{'error':'too_many_unknown_codes'}", pos.post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        assertBody(429, "{'error':'too_many_unknown_codes'}", pos.from(Api.randomIp(), "Otra-Caja/1").get(BASE + "/merchant/redemptions/" + code),
                "per merchant, from any address");
        assertBody(429, "{'error':'too_many_unknown_codes'}", other.from(pos.ip(), "Otra-Caja/1").get(BASE + "/merchant/redemptions/" + code),
                "per address, for any merchant");
        assertEquals(200, other.get(BASE + "/merchant/redemptions/" + code).status(), "another merchant elsewhere is fine");
        assertEquals("pending", RewardsData.db().fetchValue("SELECT redemption_status FROM rewards.user_redemptions WHERE redemption_code = ?", code));

        String actions = "SELECT action || ':' || count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? GROUP BY action ORDER BY action";
        eventually(() -> assertEquals(List.of("created:1", "lookup_failed:10", "rate_limited:4", "validated:17"),
                RewardsData.db().fetch(actions, p.id()).map(r -> String.valueOf(r.get(0)))));
        assertEquals(List.of("{\"reason\": \"too_many_unknown_codes\", \"channel\": \"api\"}"), RewardsData.db().fetch(
                "SELECT DISTINCT metadata::text FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'rate_limited'", p.id())
                .map(r -> String.valueOf(r.get(0))));
    }
}
