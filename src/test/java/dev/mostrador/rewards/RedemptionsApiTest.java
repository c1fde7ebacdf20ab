package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.texts;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static dev.mostrador.support.RewardsApiFields.CROCKFORD;
import static dev.mostrador.support.RewardsApiFields.REDEMPTION_FIELDS;
import static dev.mostrador.support.RewardsApiFields.SANTIAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redemptions over the rewards JSON API (/api/v1/rewards/redemptions): codes, debits, refusals and cancels. */
class RedemptionsApiTest {

    @Test
    void redeemingDebitsTheLedgerTakesStockAndIssuesACode() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Carla", 1000);
        Map<String, Object> body = RewardsData.offerBody("Helado", 300, 5);
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
        assertEquals(RewardsData.baseUrl() + "/r/" + code, x.get("qr_landing_url").asText());
        assertEquals(RewardsData.baseUrl() + "/r/" + code + "/qr.svg", x.get("qr_image_url").asText());
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
        RewardsData p = RewardsData.create();
        long customer = p.customer("Muchos", 25);
        String offer = p.offer("Caramelo", 1, null);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            JsonNode r = p.redeem(customer, offer);
            String code = r.get("redemption_code").asText();
            assertTrue(code.matches(CROCKFORD), "10 characters of 0-9 A-Z without I, L, O, U: " + code);
            assertEquals(RewardsData.baseUrl() + "/r/" + code, r.get("qr_landing_url").asText());
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
        RewardsData p = RewardsData.create();
        RewardsData other = RewardsData.create();
        long rich = p.customer("Rica", 10_000);
        long poor = p.customer("Pobre", 99);
        String single = p.offer("Último", 10, 1);
        String pricey = p.offer("Caro", 100, 3);
        Map<String, Object> inactive = RewardsData.offerBody("Pausada", 10, 3);
        inactive.put("is_active", false);
        String paused = p.offer(inactive).get("offer_id").asText();
        Map<String, Object> future = RewardsData.offerBody("Pronto", 10, 3);
        future.put("valid_from", LocalDate.now(SANTIAGO).plusDays(3).toString());
        String soon = p.offer(future).get("offer_id").asText();
        Map<String, Object> past = RewardsData.offerBody("Pasada", 10, 3);
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
        RewardsData p = RewardsData.create();
        long customer = p.customer("Cata", 1000);
        String offer = p.offer("Pizza", 200, 10);
        JsonNode merchant = p.merchant("Pizzería");
        Api pos = Api.merchant(merchant.get("api_key").asText());
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

        RewardsData.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' WHERE redemption_id = ?::uuid", c);
        RewardsData.db().fetchValue("SELECT rewards.expire_old_redemptions()");
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
}
