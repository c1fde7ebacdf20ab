package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.support.Eventually.eventually;
import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.texts;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rewards JSON API never lets one tenant see or reference another's rows. */
class RewardsTenancyApiTest {

    @Test
    void anotherTenantsRowsAre404AndItsReferencesUnknown() {
        RewardsData a = RewardsData.create();
        RewardsData b = RewardsData.create();
        long customer = a.customer("De A", 500);
        String offer = a.offer("Oferta de A", 100, 5);
        JsonNode merchant = a.merchant("Comercio de A");
        String merchantId = merchant.get("merchant_id").asText();
        JsonNode redemption = a.redeem(customer, offer);
        String redemptionId = redemption.get("redemption_id").asText();
        String code = redemption.get("redemption_code").asText();

        for (String path : List.of("/customers/" + customer, "/customers/" + customer + "/balance", "/customers/" + customer + "/redemptions",
                "/offers/" + offer, "/merchants/" + merchantId, "/redemptions/" + redemptionId)) {
            assertEquals(404, b.admin.get(BASE + path).status(), "GET " + path);
        }
        assertEquals(404, b.admin.put(BASE + "/customers/" + customer, Map.of("name", "Robado")).status());
        assertEquals(404, b.admin.put(BASE + "/offers/" + offer, RewardsData.offerBody("Robada", 1, 1)).status());
        assertEquals(404, b.admin.put(BASE + "/merchants/" + merchantId, Map.of("merchant_name", "Robado")).status());
        assertEquals(404, b.admin.post(BASE + "/merchants/" + merchantId + "/rotate-key", Map.of()).status());
        assertEquals(404, b.admin.post(BASE + "/redemptions/" + redemptionId + "/cancel", Map.of()).status());
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                b.admin.post(BASE + "/accumulations", Map.of("customer_id", customer, "amount", 1000, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                b.admin.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)));
        Map<String, Object> foreign = RewardsData.offerBody("Con comercio ajeno", 1, 1);
        foreign.put("merchant_id", merchantId);
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", b.admin.post(BASE + "/offers", foreign));
        for (String path : List.of("/customers", "/offers", "/offers?all=true", "/merchants")) {
            Api.Response list = b.admin.get(BASE + path);
            assertEquals(200, list.status(), path);
            assertEquals(0, list.json().size(), "B lists none of A's rows: " + path);
        }

        // B's point of sale does not know A's codes.
        Api bPos = Api.merchant(b.merchant("Comercio de B").get("api_key").asText());
        assertBody(404, "{'verdict':'unknown'}", bPos.get(BASE + "/merchant/redemptions/" + code));
        assertBody(404, "{'verdict':'unknown'}", bPos.post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        eventually(() -> assertEquals(2, b.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? "
                + "AND action = 'lookup_failed' AND redemption_id IS NULL", b.id()), "each unknown code left a row in B's log"));

        assertEquals("pending", a.status(redemptionId));
        assertEquals(400, a.balance(customer));
        assertEquals(4, a.stock(offer));
        assertEquals("De A", a.vendedor.get(BASE + "/customers/" + customer).json().get("name").asText());
        assertEquals("Oferta de A", a.vendedor.get(BASE + "/offers/" + offer).json().get("name_friendly").asText());
        assertEquals(merchant.get("api_key_prefix"), a.admin.get(BASE + "/merchants/" + merchantId).json().get("api_key_prefix"));
        assertEquals(List.of("created"), texts(a.vendedor.get(BASE + "/redemptions/" + redemptionId).json().get("audit"), "action"));
        assertEquals(1, a.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ?", a.id()));
    }
}
