package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.texts;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static dev.mostrador.support.RewardsApiFields.MERCHANT_FIELDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merchants over the rewards JSON API (/api/v1/rewards/merchants): bodies, and the key shown once and rotated. */
class MerchantsApiTest {

    @Test
    void aMerchantsKeyIsShownOnceAndRotationRetiresTheOldOne() {
        RewardsData p = RewardsData.create();
        Map<String, Object> body = new HashMap<>();
        body.put("merchant_name", "Panadería Sol");
        body.put("merchant_type", "panaderia");
        body.put("contact_email", "sol@example.cl");
        body.put("contact_phone", "+56 2 2345 6789");
        body.put("webhook_url", "https://sol.example.cl/hook");
        Api.Response created = p.admin.post(BASE + "/merchants", body);
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode m = created.json();
        List<String> withKey = new ArrayList<>(MERCHANT_FIELDS);
        withKey.add("api_key");
        assertEquals(withKey, fields(m));
        String key = m.get("api_key").asText();
        assertTrue(key.matches("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), key);
        assertEquals(key.substring(3, 15), m.get("api_key_prefix").asText());
        assertEquals("Panadería Sol", m.get("merchant_name").asText());
        assertEquals("panaderia", m.get("merchant_type").asText());
        assertEquals("sol@example.cl", m.get("contact_email").asText());
        assertEquals("+56 2 2345 6789", m.get("contact_phone").asText());
        assertEquals("https://sol.example.cl/hook", m.get("webhook_url").asText());
        assertTrue(m.get("is_active").asBoolean());
        assertEquals(0, m.get("total_redemptions").asInt());
        assertEquals(0, m.get("total_lumis_redeemed").asLong());
        String id = m.get("merchant_id").asText();

        Api.Response shown = p.admin.get(BASE + "/merchants/" + id);
        assertEquals(200, shown.status());
        assertEquals(MERCHANT_FIELDS, fields(shown.json()), "GET never shows the key");
        assertFalse(shown.raw().body().contains(key.substring(16)), "not even its secret part");
        Api.Response list = p.admin.get(BASE + "/merchants");
        assertEquals(1, list.json().size());
        assertEquals(MERCHANT_FIELDS, fields(list.json().get(0)));
        assertFalse(list.raw().body().contains(key.substring(16)));
        String hash = (String) RewardsData.db().fetchValue("SELECT api_key_hash FROM rewards.merchants WHERE merchant_id = ?::uuid", id);
        assertTrue(hash.startsWith("$2") && !hash.contains(key.substring(16)), "only a bcrypt hash is stored");
        assertEquals(403, p.oficina.get(BASE + "/merchants").status());
        assertEquals(403, p.oficina.get(BASE + "/merchants/" + id).status());

        JsonNode redemption = p.redeem(p.customer("Cliente", 100), p.offer("Pan", 10, null));
        String code = redemption.get("redemption_code").asText();
        String lookup = BASE + "/merchant/redemptions/" + code;
        assertEquals(200, Api.merchant(key).get(lookup).status());
        assertEquals(200, Api.merchantBearer(key).get(lookup).status(), "the key works as a bearer token too");

        Api.Response rotated = p.admin.post(BASE + "/merchants/" + id + "/rotate-key", Map.of());
        assertEquals(200, rotated.status(), String.valueOf(rotated.json()));
        assertEquals(withKey, fields(rotated.json()));
        String newKey = rotated.json().get("api_key").asText();
        assertTrue(newKey.matches("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), newKey);
        assertNotEquals(key, newKey);
        assertNotEquals(key.substring(3, 15), newKey.substring(3, 15));
        assertEquals(newKey.substring(3, 15), rotated.json().get("api_key_prefix").asText());
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.merchant(key).get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.merchantBearer(key).post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        assertEquals(200, Api.merchant(newKey).get(lookup).status());
        assertEquals(MERCHANT_FIELDS, fields(p.admin.get(BASE + "/merchants/" + id).json()));

        // A key of the right shape with a wrong secret, a malformed key, no key at all.
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.merchant("mk_" + newKey.substring(3, 15) + "_" + "A".repeat(43)).get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.merchant("mk_nope").get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.anonymous().get(lookup));

        // Deactivated: the key stops working (even though it was just verified and remembered); reactivated: it works again.
        Api.Response off = p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Panadería Sol", "is_active", false));
        assertEquals(200, off.status(), String.valueOf(off.json()));
        assertFalse(off.json().get("is_active").asBoolean());
        assertTrue(off.json().get("contact_email").isNull(), "PUT replaces the whole merchant");
        assertBody(401, "{'error':'invalid_merchant_key'}", Api.merchant(newKey).get(lookup));
        p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Panadería Sol", "is_active", true));
        assertEquals(200, Api.merchant(newKey).get(lookup).status());
        assertEquals("pending", p.status(redemption.get("redemption_id").asText()), "looking up never confirms");
    }

    @Test
    void badMerchantBodiesAnswer422NamingEachField() {
        RewardsData p = RewardsData.create();
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_name':'Merchant name is required.'}}", p.admin.post(BASE + "/merchants", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_type':'Merchant type takes at most 50 characters.',"
                        + "'contact_email':'Enter a valid e-mail, for example name@company.com.',"
                        + "'contact_phone':'must be a phone number (digits, spaces, +, dashes)','webhook_url':'must be an https:// address'}}",
                p.admin.post(BASE + "/merchants", Map.of("merchant_name", "Malo", "merchant_type", "t".repeat(51), "contact_email", "sin-arroba",
                        "contact_phone", "teléfono", "webhook_url", "ftp://x.example")));
        for (String insecure : new String[] {"http://sol.example.cl/hook", "https://", "https://user@evil.example/x", "https:// sol.example.cl"}) {
            Api.Response r = p.admin.post(BASE + "/merchants", Map.of("merchant_name", "Hook " + insecure.length(), "webhook_url", insecure));
            assertEquals(422, r.status(), insecure);
            assertEquals("must be an https:// address", r.json().get("fields").get("webhook_url").asText(), insecure);
        }
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_name':'Merchant name takes at most 200 characters.'}}",
                p.admin.post(BASE + "/merchants", Map.of("merchant_name", "m".repeat(201))));
        String id = p.merchant("Kiosco Uno").get("merchant_id").asText();
        p.merchant("Kiosco Dos");
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_name':'is already used'}}",
                p.admin.post(BASE + "/merchants", Map.of("merchant_name", "KIOSCO UNO")));
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_name':'is already used'}}",
                p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "kiosco dos")));
        assertBody(422, "{'error':'validation_failed','fields':{'is_active':'must be true or false'}}",
                p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Kiosco Uno", "is_active", "no")));
        assertEquals(200, p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Kiosco Uno")).status(), "its own name is fine");
        assertEquals(List.of("Kiosco Dos", "Kiosco Uno"), texts(p.admin.get(BASE + "/merchants").json(), "merchant_name"));
        assertEquals(403, p.oficina.post(BASE + "/merchants", Map.of("merchant_name", "No")).status());
        assertEquals(403, p.oficina.post(BASE + "/merchants/" + id + "/rotate-key", Map.of()).status());
        assertEquals(404, p.admin.get(BASE + "/merchants/" + UUID.randomUUID()).status());
        assertEquals(404, p.admin.post(BASE + "/merchants/" + UUID.randomUUID() + "/rotate-key", Map.of()).status());
    }
}
