package dev.mostrador.rewards;

import dev.mostrador.rewards.redemptions.Codes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mostrador.rewards.Program.BASE;
import static dev.mostrador.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the rewards JSON API (/api/v1/rewards), with seed 001's field names. */
class RewardsApiTest {
    static final List<String> CUSTOMER_FIELDS = List.of("id", "name", "email", "phone", "lumis_balance", "created_at");
    static final List<String> OFFER_FIELDS = List.of("offer_id", "name_friendly", "description", "offer_category", "lumis_cost",
            "stock_quantity", "merchant_id", "merchant_name", "is_active", "valid_from", "valid_to", "code_lifetime_hours");
    static final List<String> MERCHANT_FIELDS = List.of("merchant_id", "merchant_name", "merchant_type", "contact_email", "contact_phone",
            "webhook_url", "is_active", "api_key_prefix", "total_redemptions", "total_lumis_redeemed", "created_at");
    static final List<String> REDEMPTION_FIELDS = List.of("redemption_id", "user_id", "offer_id", "offer_name", "lumis_spent",
            "redemption_code", "redemption_code_display", "qr_image_url", "qr_landing_url", "redemption_status",
            "validated_by_merchant_id", "validated_at", "code_expires_at", "created_at");
    static final List<String> MERCHANT_VIEW_FIELDS = List.of("verdict", "redemption_code", "offer_name", "lumis_spent",
            "redemption_status", "validated_at", "code_expires_at");
    static final List<String> AUDIT_FIELDS = List.of("action", "actor_type", "actor_id", "ip_address", "user_agent", "metadata", "created_at");
    static final String CROCKFORD = "^[0-9A-HJKMNP-TV-Z]{10}$";
    static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** JSON written with single quotes, for readable expected bodies. */
    static JsonNode json(String singleQuoted) {
        try {
            return Api.JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static void assertBody(int status, String expectedJson, Api.Response r) {
        assertBody(status, expectedJson, r, "");
    }

    static void assertBody(int status, String expectedJson, Api.Response r, String message) {
        assertEquals(status, r.status(), message + " " + r.json());
        assertEquals(json(expectedJson), r.json(), message);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    // ---------------------------------------------------------------- customers

    @Test
    void customersAreCreatedReadUpdatedAndSearched() {
        Program p = Program.create();
        Api.Response created = p.oficina.post(BASE + "/customers", Map.of("name", "  María Pérez ", "email", "maria@example.cl", "phone", "+56 9 1234 5678"));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode c = created.json();
        assertEquals(CUSTOMER_FIELDS, fields(c));
        assertEquals("María Pérez", c.get("name").asText());
        assertEquals("maria@example.cl", c.get("email").asText());
        assertEquals("+56 9 1234 5678", c.get("phone").asText());
        assertEquals(0, c.get("lumis_balance").asLong());
        long id = c.get("id").asLong();
        assertEquals(c, p.vendedor.get(BASE + "/customers/" + id).json(), "GET answers what POST stored");

        Api.Response updated = p.admin.put(BASE + "/customers/" + id, Map.of("name", "María P.", "email", "", "phone", ""));
        assertEquals(200, updated.status(), String.valueOf(updated.json()));
        assertEquals("María P.", updated.json().get("name").asText());
        assertTrue(updated.json().get("email").isNull());
        assertTrue(updated.json().get("phone").isNull());
        assertEquals(updated.json(), p.vendedor.get(BASE + "/customers/" + id).json());

        long juan = p.oficina.post(BASE + "/customers", Map.of("name", "Juan Soto", "email", "juan@example.cl")).json().get("id").asLong();
        Api.Response all = p.vendedor.get(BASE + "/customers");
        assertEquals(200, all.status());
        assertEquals(List.of("Juan Soto", "María P."), texts(all.json(), "name"));
        assertEquals("2", all.header("X-Total-Count"));
        Api.Response byName = p.vendedor.get(BASE + "/customers?q=mar%C3%ADa");
        assertEquals(List.of(String.valueOf(id)), texts(byName.json(), "id"));
        assertEquals("1", byName.header("X-Total-Count"));
        assertEquals(List.of(String.valueOf(juan)), texts(p.vendedor.get(BASE + "/customers?q=JUAN%40example").json(), "id"), "by e-mail");
        assertEquals(0, p.vendedor.get(BASE + "/customers?q=nadie").json().size());
        assertEquals("0", p.vendedor.get(BASE + "/customers?q=nadie").header("X-Total-Count"));
    }

    @Test
    void badCustomerBodiesAnswer422NamingEachField() {
        Program p = Program.create();
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name is required.'}}", p.oficina.post(BASE + "/customers", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'Enter a valid e-mail, for example name@company.com.',"
                        + "'phone':'must be a phone number (digits, spaces, +, dashes)'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "Ana", "email", "no-arroba", "phone", "llámame")));
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name takes at most 200 characters.'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "x".repeat(201))));
        // A name sent as a number was "required" before: the reading's own message says what is wrong.
        assertBody(422, "{'error':'validation_failed','fields':{'name':'must be a string','email':'must be a string'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", 5, "email", 7)));
        assertBody(422, "{'error':'invalid_json','fields':{'body':'must be a JSON object'}}", p.oficina.post(BASE + "/customers", "not json"));
        assertBody(422, "{'error':'invalid_json','fields':{'body':'must be a JSON object'}}", p.oficina.post(BASE + "/customers", "[1,2]"));

        long ana = p.customer("Ana", 0);
        p.oficina.post(BASE + "/customers", Map.of("name", "Otra", "email", "ana@example.cl"));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'is already used by another customer'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "Copia", "email", "ANA@example.cl")));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'is already used by another customer'}}",
                p.admin.put(BASE + "/customers/" + ana, Map.of("name", "Ana", "email", "Ana@Example.cl")));
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name is required.'}}",
                p.admin.put(BASE + "/customers/" + ana, Map.of("name", " ")));
        assertEquals("Ana", p.vendedor.get(BASE + "/customers/" + ana).json().get("name").asText(), "a refused PUT changes nothing");
        assertEquals(2, p.count("SELECT count(*) FROM customers WHERE tenant_id = ?", p.id()));

        assertEquals(403, p.vendedor.post(BASE + "/customers", Map.of("name", "Vendedor no crea")).status());
        assertEquals(403, p.vendedor.put(BASE + "/customers/" + ana, Map.of("name", "No")).status());
        assertEquals(401, RewardsHttp.anonymous().get(BASE + "/customers").status());
        assertEquals(404, p.vendedor.get(BASE + "/customers/999999999").status());
        assertEquals(404, p.vendedor.get(BASE + "/customers/abc").status());
    }

    @Test
    void accumulationsCreditTheLedgerAndTheBalanceShowsIt() {
        Program p = Program.create();
        long id = p.customer("Rosa", 0);
        Api.Response first = p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 500, "reason", " Compra boleta 123 "));
        assertBody(201, "{'customer_id':" + id + ",'amount':500,'lumis_balance':500}", first);
        assertBody(201, "{'customer_id':" + id + ",'amount':250,'lumis_balance':750}",
                p.admin.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 250, "reason", "Bono")));

        Api.Response balance = p.vendedor.get(BASE + "/customers/" + id + "/balance");
        assertEquals(200, balance.status());
        assertEquals(List.of("customer_id", "lumis_balance", "ledger"), fields(balance.json()));
        assertEquals(id, balance.json().get("customer_id").asLong());
        assertEquals(750, balance.json().get("lumis_balance").asLong());
        JsonNode ledger = balance.json().get("ledger");
        assertEquals(2, ledger.size());
        assertEquals(List.of("id", "amount", "kind", "reason", "redemption_id", "created_at"), fields(ledger.get(0)));
        assertEquals(List.of("250", "500"), texts(ledger, "amount"), "newest first");
        assertEquals(List.of("earn", "earn"), texts(ledger, "kind"));
        assertEquals(List.of("Bono", "Compra boleta 123"), texts(ledger, "reason"));
        assertTrue(ledger.get(0).get("redemption_id").isNull());
        assertEquals(750, p.vendedor.get(BASE + "/customers/" + id).json().get("lumis_balance").asLong());

        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'required','amount':'required','reason':'required'}}",
                p.oficina.post(BASE + "/accumulations", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 0, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", -5, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1_000_001, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'must be a whole number','amount':'must be a whole number'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", "uno", "amount", 1.5, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'reason':'at most 500 characters'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1, "reason", "r".repeat(501))));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", 999_999_999, "amount", 1, "reason", "x")));
        assertEquals(403, p.vendedor.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1, "reason", "x")).status());
        assertEquals(750, p.balance(id), "nothing refused moved the balance");
        assertEquals(2, p.ledger(id).size());
        assertEquals(404, p.vendedor.get(BASE + "/customers/999999999/balance").status());
    }

    // ---------------------------------------------------------------- offers

    @Test
    void offersRoundTripWithTheSeedsFieldNames() {
        Program p = Program.create();
        JsonNode merchant = p.merchant("Café Central");
        String merchantId = merchant.get("merchant_id").asText();
        Map<String, Object> body = Program.offerBody("Café gratis", 300, 25);
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

        Map<String, Object> change = Program.offerBody("Café doble", 450, null);
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

        assertEquals(403, p.oficina.post(BASE + "/offers", Program.offerBody("No", 1, 1)).status());
        assertEquals(403, p.oficina.put(BASE + "/offers/" + id, Program.offerBody("No", 1, 1)).status());
        assertEquals(404, p.vendedor.get(BASE + "/offers/" + UUID.randomUUID()).status());
        assertEquals(404, p.vendedor.get(BASE + "/offers/not-a-uuid").status());
        assertEquals(404, p.admin.put(BASE + "/offers/" + UUID.randomUUID(), Program.offerBody("X", 1, 1)).status());
    }

    @Test
    void badOfferBodiesAnswer422NamingEachField() {
        Program p = Program.create();
        Program other = Program.create();
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
        Map<String, Object> window = Program.offerBody("Ventana", 10, 1);
        window.put("valid_from", "2030-01-02");
        window.put("valid_to", "2030-01-01");
        assertBody(422, "{'error':'validation_failed','fields':{'valid_to':'must be after valid_from'}}", p.admin.post(BASE + "/offers", window));
        Map<String, Object> fraction = Program.offerBody("Fracción", 10, 1);
        fraction.put("lumis_cost", 1.5);
        fraction.put("code_lifetime_hours", 8761);
        fraction.put("is_active", "sí");
        assertBody(422, "{'error':'validation_failed','fields':{'lumis_cost':'must be a whole number of 1 or more',"
                + "'code_lifetime_hours':'must be from 1 to 8760 hours','is_active':'must be true or false'}}", p.admin.post(BASE + "/offers", fraction));
        Map<String, Object> foreign = Program.offerBody("Ajena", 10, 1);
        foreign.put("merchant_id", foreignMerchant);
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", p.admin.post(BASE + "/offers", foreign));
        foreign.put("merchant_id", UUID.randomUUID().toString());
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", p.admin.post(BASE + "/offers", foreign));
        assertEquals(0, p.count("SELECT count(*) FROM rewards.redemption_offers WHERE tenant_id = ?", p.id()));
    }

    @Test
    void getOffersListsOnlyActiveInWindowOffersWithStock() {
        Program p = Program.create();
        LocalDate today = LocalDate.now(SANTIAGO);
        p.offer("Café", 300, 5);
        p.offer("Agua", 100, null);
        String last = p.offer("Empate", 300, 1);
        Map<String, Object> inactive = Program.offerBody("Inactiva", 50, 10);
        inactive.put("is_active", false);
        p.offer(inactive);
        Map<String, Object> future = Program.offerBody("Futura", 50, 10);
        future.put("valid_from", today.plusDays(2).toString());
        p.offer(future);
        Map<String, Object> past = Program.offerBody("Vencida", 50, 10);
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
        Map<String, Object> switchedOff = Program.offerBody("Agua", 100, null);
        switchedOff.put("is_active", false);
        String agua = p.vendedor.get(BASE + "/offers").json().get(0).get("offer_id").asText();
        assertEquals(200, p.admin.put(BASE + "/offers/" + agua, switchedOff).status());
        assertEquals(List.of("Café", "Empate"), texts(p.vendedor.get(BASE + "/offers").json(), "name_friendly"), "and by an edit");
    }

    // ---------------------------------------------------------------- merchants

    @Test
    void aMerchantsKeyIsShownOnceAndRotationRetiresTheOldOne() {
        Program p = Program.create();
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
        String hash = (String) Program.db().fetchValue("SELECT api_key_hash FROM rewards.merchants WHERE merchant_id = ?::uuid", id);
        assertTrue(hash.startsWith("$2") && !hash.contains(key.substring(16)), "only a bcrypt hash is stored");
        assertEquals(403, p.oficina.get(BASE + "/merchants").status());
        assertEquals(403, p.oficina.get(BASE + "/merchants/" + id).status());

        JsonNode redemption = p.redeem(p.customer("Cliente", 100), p.offer("Pan", 10, null));
        String code = redemption.get("redemption_code").asText();
        String lookup = BASE + "/merchant/redemptions/" + code;
        assertEquals(200, RewardsHttp.merchant(key).get(lookup).status());
        assertEquals(200, RewardsHttp.merchantBearer(key).get(lookup).status(), "the key works as a bearer token too");

        Api.Response rotated = p.admin.post(BASE + "/merchants/" + id + "/rotate-key", Map.of());
        assertEquals(200, rotated.status(), String.valueOf(rotated.json()));
        assertEquals(withKey, fields(rotated.json()));
        String newKey = rotated.json().get("api_key").asText();
        assertTrue(newKey.matches("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), newKey);
        assertNotEquals(key, newKey);
        assertNotEquals(key.substring(3, 15), newKey.substring(3, 15));
        assertEquals(newKey.substring(3, 15), rotated.json().get("api_key_prefix").asText());
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.merchant(key).get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.merchantBearer(key).post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        assertEquals(200, RewardsHttp.merchant(newKey).get(lookup).status());
        assertEquals(MERCHANT_FIELDS, fields(p.admin.get(BASE + "/merchants/" + id).json()));

        // A key of the right shape with a wrong secret, a malformed key, no key at all.
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.merchant("mk_" + newKey.substring(3, 15) + "_" + "A".repeat(43)).get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.merchant("mk_nope").get(lookup));
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.anonymous().get(lookup));

        // Deactivated: the key stops working (even though it was just verified and remembered); reactivated: it works again.
        Api.Response off = p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Panadería Sol", "is_active", false));
        assertEquals(200, off.status(), String.valueOf(off.json()));
        assertFalse(off.json().get("is_active").asBoolean());
        assertTrue(off.json().get("contact_email").isNull(), "PUT replaces the whole merchant");
        assertBody(401, "{'error':'invalid_merchant_key'}", RewardsHttp.merchant(newKey).get(lookup));
        p.admin.put(BASE + "/merchants/" + id, Map.of("merchant_name", "Panadería Sol", "is_active", true));
        assertEquals(200, RewardsHttp.merchant(newKey).get(lookup).status());
        assertEquals("pending", p.status(redemption.get("redemption_id").asText()), "looking up never confirms");
    }

    @Test
    void badMerchantBodiesAnswer422NamingEachField() {
        Program p = Program.create();
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

    // ---------------------------------------------------------------- redemptions

    @Test
    void redeemingDebitsTheLedgerTakesStockAndIssuesACode() {
        Program p = Program.create();
        long customer = p.customer("Carla", 1000);
        Map<String, Object> body = Program.offerBody("Helado", 300, 5);
        body.put("code_lifetime_hours", 48);
        String offer = p.offer(body).get("offer_id").asText();

        Api.Response r = p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        JsonNode x = r.json();
        assertEquals(REDEMPTION_FIELDS, fields(x));
        String id = x.get("redemption_id").asText();
        String code = x.get("redemption_code").asText();
        assertTrue(code.matches(CROCKFORD), code);
        assertEquals(code.substring(0, 5) + "-" + code.substring(5), x.get("redemption_code_display").asText());
        assertEquals(Program.baseUrl() + "/r/" + code, x.get("qr_landing_url").asText());
        assertEquals(Program.baseUrl() + "/r/" + code + "/qr.svg", x.get("qr_image_url").asText());
        assertEquals(customer, x.get("user_id").asLong());
        assertEquals(offer, x.get("offer_id").asText());
        assertEquals("Helado", x.get("offer_name").asText());
        assertEquals(300, x.get("lumis_spent").asInt());
        assertEquals("pending", x.get("redemption_status").asText());
        assertTrue(x.get("validated_by_merchant_id").isNull());
        assertTrue(x.get("validated_at").isNull());
        Duration lifetime = Duration.between(OffsetDateTime.parse(x.get("created_at").asText()), OffsetDateTime.parse(x.get("code_expires_at").asText()));
        assertTrue(Math.abs(lifetime.minusHours(48).toMillis()) < 5_000, "the offer's code lifetime: " + lifetime);

        assertEquals(700, p.balance(customer));
        assertEquals(4, p.stock(offer));
        var ledger = p.ledger(customer);
        assertEquals(2, ledger.size());
        assertEquals("redeem", ledger.get(1).get("kind"));
        assertEquals(-300, ((Number) ledger.get(1).get("amount")).intValue());
        assertEquals(id, ledger.get(1).get("redemption_id"), "the spend names its redemption");
        p.assertLedgersAddUp();

        Api.Response list = p.vendedor.get(BASE + "/customers/" + customer + "/redemptions");
        assertEquals(200, list.status());
        assertEquals(1, list.json().size());
        assertEquals(x, list.json().get(0));
        Api.Response shown = p.vendedor.get(BASE + "/redemptions/" + id);
        assertEquals(200, shown.status());
        List<String> withAudit = new ArrayList<>(REDEMPTION_FIELDS);
        withAudit.add("audit");
        assertEquals(withAudit, fields(shown.json()));
        assertEquals(List.of("created"), texts(shown.json().get("audit"), "action"));
        assertEquals(404, p.vendedor.get(BASE + "/redemptions/" + UUID.randomUUID()).status());
        assertEquals(404, p.vendedor.get(BASE + "/redemptions/nope").status());
        assertEquals(404, p.vendedor.get(BASE + "/customers/999999999/redemptions").status());
    }

    @Test
    void codesAreTenCrockfordCharactersAndNotSequential() {
        Program p = Program.create();
        long customer = p.customer("Muchos", 25);
        String offer = p.offer("Caramelo", 1, null);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            JsonNode r = p.redeem(customer, offer);
            String code = r.get("redemption_code").asText();
            assertTrue(code.matches(CROCKFORD), "10 characters of 0-9 A-Z without I, L, O, U: " + code);
            assertEquals(Program.baseUrl() + "/r/" + code, r.get("qr_landing_url").asText());
            codes.add(code);
        }
        assertEquals(25, new HashSet<>(codes).size(), "all different");
        List<Long> values = new ArrayList<>();
        for (String code : codes) {
            long v = 0;
            for (char c : code.toCharArray()) v = v * 32 + Codes.ALPHABET.indexOf(c);
            values.add(v);
        }
        for (int i = 1; i < values.size(); i++) {
            assertTrue(Math.abs(values.get(i) - values.get(i - 1)) > 1_000_000, "consecutive codes are far apart: " + codes);
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        assertNotEquals(sorted, values, "not issued in increasing order");
        Set<Character> used = new HashSet<>();
        codes.forEach(c -> c.chars().forEach(ch -> used.add((char) ch)));
        assertTrue(used.size() >= 24, "the whole alphabet is in use: " + used);
        assertEquals(0, p.balance(customer));
    }

    @Test
    void refusalsAnswer409WithTheirReasonAndChangeNothing() {
        Program p = Program.create();
        Program other = Program.create();
        long rich = p.customer("Rica", 10_000);
        long poor = p.customer("Pobre", 99);
        String single = p.offer("Último", 10, 1);
        String pricey = p.offer("Caro", 100, 3);
        Map<String, Object> inactive = Program.offerBody("Pausada", 10, 3);
        inactive.put("is_active", false);
        String paused = p.offer(inactive).get("offer_id").asText();
        Map<String, Object> future = Program.offerBody("Pronto", 10, 3);
        future.put("valid_from", LocalDate.now(SANTIAGO).plusDays(3).toString());
        String soon = p.offer(future).get("offer_id").asText();
        Map<String, Object> past = Program.offerBody("Pasada", 10, 3);
        past.put("valid_from", LocalDate.now(SANTIAGO).minusDays(9).toString());
        past.put("valid_to", LocalDate.now(SANTIAGO).minusDays(2).toString());
        String over = p.offer(past).get("offer_id").asText();
        String foreignOffer = other.offer("Ajena", 1, 5);
        long foreignCustomer = other.customer("Ajeno", 100);

        p.redeem(rich, single);
        assertBody(409, "{'error':'out_of_stock'}", p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", single)));
        assertBody(409, "{'error':'insufficient_balance'}", p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", poor, "offer_id", pricey)));
        assertBody(409, "{'error':'offer_inactive'}", p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", paused)));
        assertBody(409, "{'error':'offer_out_of_window'}", p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", soon)));
        assertBody(409, "{'error':'offer_out_of_window'}", p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", over)));

        assertBody(422, "{'error':'validation_failed','fields':{'offer_id':'no such offer'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", UUID.randomUUID().toString())));
        assertBody(422, "{'error':'validation_failed','fields':{'offer_id':'no such offer'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", rich, "offer_id", foreignOffer)));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", foreignCustomer, "offer_id", pricey)));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", 999_999_999, "offer_id", pricey)));
        assertBody(422, "{'error':'validation_failed','fields':{'offer_id':'required','customer_id':'required'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'must be a whole number','offer_id':'must be a UUID'}}",
                p.vendedor.post(BASE + "/redemptions", Map.of("customer_id", "Rica", "offer_id", "no-uuid")));

        assertEquals(10_000 - 10, p.balance(rich));
        assertEquals(99, p.balance(poor), "the refused spend left the balance alone");
        assertEquals(0, p.stock(single));
        assertEquals(3, p.stock(pricey), "and gave the unit back");
        assertEquals(3, p.stock(paused));
        assertEquals(5, other.stock(foreignOffer));
        assertEquals(100, other.balance(foreignCustomer));
        assertEquals(1, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ?", p.id()));
        assertEquals(1, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ?", p.id()), "one 'created' row, nothing else");
        p.assertLedgersAddUp();
    }

    @Test
    void cancellingRefundsAndRestocksOncePendingOnly() {
        Program p = Program.create();
        long customer = p.customer("Cata", 1000);
        String offer = p.offer("Pizza", 200, 10);
        JsonNode merchant = p.merchant("Pizzería");
        RewardsHttp pos = RewardsHttp.merchant(merchant.get("api_key").asText());
        String a = p.redeem(customer, offer).get("redemption_id").asText();
        JsonNode b = p.redeem(customer, offer);
        String c = p.redeem(customer, offer).get("redemption_id").asText();
        assertEquals(400, p.balance(customer));
        assertEquals(7, p.stock(offer));

        Api.Response cancelled = p.oficina.post(BASE + "/redemptions/" + a + "/cancel", Map.of());
        assertEquals(200, cancelled.status(), String.valueOf(cancelled.json()));
        assertEquals(REDEMPTION_FIELDS, fields(cancelled.json()));
        assertEquals("cancelled", cancelled.json().get("redemption_status").asText());
        assertEquals(600, p.balance(customer));
        assertEquals(8, p.stock(offer));
        var ledger = p.ledger(customer);
        assertEquals("refund", ledger.get(ledger.size() - 1).get("kind"));
        assertEquals(200, ((Number) ledger.get(ledger.size() - 1).get("amount")).intValue());
        assertEquals(a, ledger.get(ledger.size() - 1).get("redemption_id"));

        Api.Response again = p.admin.post(BASE + "/redemptions/" + a + "/cancel", Map.of());
        assertEquals(409, again.status());
        assertEquals("already_cancelled", again.json().get("error").asText());
        assertEquals(List.of("error", "redemption"), fields(again.json()));
        assertEquals("cancelled", again.json().get("redemption").get("redemption_status").asText());

        assertEquals(200, pos.post(BASE + "/redemptions/" + b.get("redemption_code").asText() + "/confirm", Map.of()).status());
        Api.Response confirmed = p.oficina.post(BASE + "/redemptions/" + b.get("redemption_id").asText() + "/cancel", Map.of());
        assertEquals(409, confirmed.status());
        assertEquals("already_confirmed", confirmed.json().get("error").asText());
        assertEquals("confirmed", confirmed.json().get("redemption").get("redemption_status").asText());

        Program.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' WHERE redemption_id = ?::uuid", c);
        Program.db().fetchValue("SELECT rewards.expire_old_redemptions()");
        Api.Response expired = p.oficina.post(BASE + "/redemptions/" + c + "/cancel", Map.of());
        assertEquals(409, expired.status());
        assertEquals("already_expired", expired.json().get("error").asText());

        assertEquals(403, p.vendedor.post(BASE + "/redemptions/" + a + "/cancel", Map.of()).status());
        assertBody(404, "{'error':'not_found'}", p.oficina.post(BASE + "/redemptions/" + UUID.randomUUID() + "/cancel", Map.of()));
        assertEquals(800, p.balance(customer), "one refund for the cancel, one for the expiry, none for the confirmed");
        assertEquals(9, p.stock(offer));
        assertEquals(2, p.count("SELECT count(*) FROM fact_accumulations WHERE tenant_id = ? AND kind = 'refund'", p.id()));
        p.assertLedgersAddUp();
    }

    // ---------------------------------------------------------------- tenants never see each other

    @Test
    void anotherTenantsRowsAre404AndItsReferencesUnknown() {
        Program a = Program.create();
        Program b = Program.create();
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
        assertEquals(404, b.admin.put(BASE + "/offers/" + offer, Program.offerBody("Robada", 1, 1)).status());
        assertEquals(404, b.admin.put(BASE + "/merchants/" + merchantId, Map.of("merchant_name", "Robado")).status());
        assertEquals(404, b.admin.post(BASE + "/merchants/" + merchantId + "/rotate-key", Map.of()).status());
        assertEquals(404, b.admin.post(BASE + "/redemptions/" + redemptionId + "/cancel", Map.of()).status());
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                b.admin.post(BASE + "/accumulations", Map.of("customer_id", customer, "amount", 1000, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                b.admin.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)));
        Map<String, Object> foreign = Program.offerBody("Con comercio ajeno", 1, 1);
        foreign.put("merchant_id", merchantId);
        assertBody(422, "{'error':'validation_failed','fields':{'merchant_id':'no such merchant'}}", b.admin.post(BASE + "/offers", foreign));
        for (String path : List.of("/customers", "/offers", "/offers?all=true", "/merchants")) {
            Api.Response list = b.admin.get(BASE + path);
            assertEquals(200, list.status(), path);
            assertEquals(0, list.json().size(), "B lists none of A's rows: " + path);
        }

        // B's point of sale does not know A's codes.
        RewardsHttp bPos = RewardsHttp.merchant(b.merchant("Comercio de B").get("api_key").asText());
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

    // ---------------------------------------------------------------- merchants look up and confirm

    @Test
    void merchantsLookUpAndConfirmCodesOnce() {
        Program p = Program.create();
        long customer = p.customer("Vale", 1000);
        JsonNode m1 = p.merchant("Heladería Uno");
        JsonNode m2 = p.merchant("Heladería Dos");
        RewardsHttp pos1 = RewardsHttp.merchant(m1.get("api_key").asText());
        RewardsHttp pos2 = RewardsHttp.merchantBearer(m2.get("api_key").asText());
        Map<String, Object> bound = Program.offerBody("Cono de Uno", 100, null);
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
        Program.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 second' WHERE redemption_id = ?::uuid",
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
        Program p = Program.create();
        long customer = p.customer("Stats", 1000);
        JsonNode m = p.merchant("Cafetería");
        String merchantId = m.get("merchant_id").asText();
        RewardsHttp pos = RewardsHttp.merchant(m.get("api_key").asText());
        String offer = p.offer("Latte", 120, 10);
        JsonNode toConfirm = p.redeem(customer, offer);
        JsonNode toCancel = p.redeem(customer, offer);
        JsonNode toExpire = p.redeem(customer, offer);
        String stats = "SELECT total_redemptions || '/' || total_lumis_redeemed FROM rewards.merchants WHERE merchant_id = ?::uuid";

        pos.get(BASE + "/merchant/redemptions/" + toConfirm.get("redemption_code").asText());
        assertEquals("0/0", Program.db().fetchValue(stats, merchantId), "a look-up is not a confirmation");
        assertEquals(200, pos.post(BASE + "/redemptions/" + toConfirm.get("redemption_code").asText() + "/confirm", Map.of()).status());
        assertEquals("1/120", Program.db().fetchValue(stats, merchantId));
        assertEquals(409, pos.post(BASE + "/redemptions/" + toConfirm.get("redemption_code").asText() + "/confirm", Map.of()).status());
        assertEquals("1/120", Program.db().fetchValue(stats, merchantId));

        assertEquals(200, p.oficina.post(BASE + "/redemptions/" + toCancel.get("redemption_id").asText() + "/cancel", Map.of()).status());
        assertEquals("1/120", Program.db().fetchValue(stats, merchantId), "cancelling is not a confirmation");
        Program.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' WHERE redemption_id = ?::uuid",
                toExpire.get("redemption_id").asText());
        Program.db().fetchValue("SELECT rewards.expire_old_redemptions()");
        assertEquals("expired", p.status(toExpire.get("redemption_id").asText()));
        assertEquals("1/120", Program.db().fetchValue(stats, merchantId), "expiring is not a confirmation");
        Program.db().execute("UPDATE rewards.user_redemptions SET updated_at = now() WHERE redemption_id = ?::uuid", toConfirm.get("redemption_id").asText());
        assertEquals("1/120", Program.db().fetchValue(stats, merchantId), "touching a confirmed row counts nothing");

        JsonNode shown = p.admin.get(BASE + "/merchants/" + merchantId).json();
        assertEquals(1, shown.get("total_redemptions").asInt());
        assertEquals(120, shown.get("total_lumis_redeemed").asLong());
    }

    @Test
    void onlyUnknownCodesCountTowardsTheGuard() throws Exception {
        Program p = Program.create();
        JsonNode m1 = p.merchant("Kiosco Norte");
        JsonNode m2 = p.merchant("Kiosco Sur");
        RewardsHttp pos = RewardsHttp.merchant(m1.get("api_key").asText());
        RewardsHttp other = RewardsHttp.merchant(m2.get("api_key").asText());
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
        assertBody(429, "{'error':'too_many_unknown_codes'}", pos.from(RewardsHttp.randomIp(), "Otra-Caja/1").get(BASE + "/merchant/redemptions/" + code),
                "per merchant, from any address");
        assertBody(429, "{'error':'too_many_unknown_codes'}", other.from(pos.ip(), "Otra-Caja/1").get(BASE + "/merchant/redemptions/" + code),
                "per address, for any merchant");
        assertEquals(200, other.get(BASE + "/merchant/redemptions/" + code).status(), "another merchant elsewhere is fine");
        assertEquals("pending", Program.db().fetchValue("SELECT redemption_status FROM rewards.user_redemptions WHERE redemption_code = ?", code));

        String actions = "SELECT action || ':' || count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? GROUP BY action ORDER BY action";
        eventually(() -> assertEquals(List.of("created:1", "lookup_failed:10", "rate_limited:4", "validated:17"),
                Program.db().fetch(actions, p.id()).map(r -> String.valueOf(r.get(0)))));
        assertEquals(List.of("{\"reason\": \"too_many_unknown_codes\", \"channel\": \"api\"}"), Program.db().fetch(
                "SELECT DISTINCT metadata::text FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'rate_limited'", p.id())
                .map(r -> String.valueOf(r.get(0))));
    }

    // ---------------------------------------------------------------- audit trail

    @Test
    void theAuditTrailRecordsEveryStepWithActorIpAndUserAgent() {
        Program p = Program.create();
        long customer = p.customer("Auditada", 1000);
        JsonNode m = p.merchant("Librería");
        String merchantId = m.get("merchant_id").asText();
        RewardsHttp pos = RewardsHttp.merchant(m.get("api_key").asText()).from("192.168.7.20", "CajaRegistradora/3.1");
        String offer = p.offer("Libro", 120, 5);
        RewardsHttp counter = p.oficina.from("10.1.2.3", "Mostrador-Caja/1.0");

        JsonNode r = counter.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)).json();
        String id = r.get("redemption_id").asText();
        String code = r.get("redemption_code").asText();
        assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + code).status());
        assertEquals(200, pos.post(BASE + "/redemptions/" + code + "/confirm", Map.of()).status());

        eventually(() -> assertEquals(3, p.vendedor.get(BASE + "/redemptions/" + id).json().get("audit").size()));
        JsonNode audit = p.vendedor.get(BASE + "/redemptions/" + id).json().get("audit");
        for (JsonNode entry : audit) assertEquals(AUDIT_FIELDS, fields(entry), "snake_case keys");
        assertEquals(json("{'action':'created','actor_type':'user','actor_id':'" + p.tenant.oficina() + "','ip_address':'10.1.2.3',"
                + "'user_agent':'Mostrador-Caja/1.0','metadata':{'channel':'api','from':null,'to':'pending','lumis':120}}"), withoutTime(audit.get(0)));
        assertEquals(json("{'action':'validated','actor_type':'merchant','actor_id':'" + merchantId + "','ip_address':'192.168.7.20',"
                + "'user_agent':'CajaRegistradora/3.1','metadata':{'channel':'api','verdict':'pending'}}"), withoutTime(audit.get(1)));
        assertEquals(json("{'action':'confirmed','actor_type':'merchant','actor_id':'" + merchantId + "','ip_address':'192.168.7.20',"
                + "'user_agent':'CajaRegistradora/3.1','metadata':{'channel':'api','from':'pending','to':'confirmed','lumis':120}}"), withoutTime(audit.get(2)));
        OffsetDateTime previous = null;
        for (JsonNode entry : audit) {
            OffsetDateTime at = OffsetDateTime.parse(entry.get("created_at").asText());
            assertTrue(previous == null || !at.isBefore(previous), "in order");
            assertTrue(Duration.between(at, OffsetDateTime.now()).abs().toMinutes() < 5, "recent: " + at);
            previous = at;
        }

        JsonNode second = p.vendedor.from("10.9.9.9", "Vendedor-App/5").post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)).json();
        p.admin.from("10.4.4.4", "Admin-Console/1").post(BASE + "/redemptions/" + second.get("redemption_id").asText() + "/cancel", Map.of());
        JsonNode trail = p.admin.get(BASE + "/redemptions/" + second.get("redemption_id").asText()).json().get("audit");
        assertEquals(2, trail.size(), trail.toString());
        assertEquals(json("{'action':'created','actor_type':'user','actor_id':'" + p.tenant.vendedor() + "','ip_address':'10.9.9.9',"
                + "'user_agent':'Vendedor-App/5','metadata':{'channel':'api','from':null,'to':'pending','lumis':120}}"), withoutTime(trail.get(0)));
        assertEquals(json("{'action':'cancelled','actor_type':'user','actor_id':'" + p.tenant.admin() + "','ip_address':'10.4.4.4',"
                + "'user_agent':'Admin-Console/1','metadata':{'channel':'api','from':'pending','to':'cancelled','lumis':120}}"), withoutTime(trail.get(1)));
    }

    static JsonNode withoutTime(JsonNode entry) {
        var copy = entry.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("created_at");
        return copy;
    }
}
