package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Race;
import dev.mostrador.support.Api;
import dev.mostrador.support.JsonAssert;
import dev.mostrador.support.RewardsApiFields;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Idempotency-Key on the rewards API: one effect per key, the first response replayed. */
class IdempotencyTest {
    static final String REUSED = "{'error':'idempotency_key_reused','fields':{'Idempotency-Key':'was already used for a different request'}}";

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    static String redeemBody(long customer, String offer) {
        return "{\"customer_id\": " + customer + ", \"offer_id\": \"" + offer + "\"}";
    }

    static int redemptions(RewardsData p) {
        return p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ?", p.id());
    }

    @Test
    void aRedemptionRepeatedWithItsKeyIsReplayedNotRedone() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Idem", 1000);
        String offer = p.offer("Sándwich", 100, 5);
        String key = key();

        Api.Response first = p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key);
        assertEquals(201, first.status(), String.valueOf(first.json()));
        assertNull(first.header("Idempotent-Replayed"));
        Api.Response second = p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key);
        assertEquals(201, second.status());
        assertEquals(first.raw().body(), second.raw().body(), "the same body, byte for byte: the same code");
        assertEquals("true", second.header("Idempotent-Replayed"));
        // Whitespace is not a different request.
        Api.Response compact = p.vendedor.post(BASE + "/redemptions", "{\"customer_id\":" + customer + ",\"offer_id\":\"" + offer + "\"}", key);
        assertEquals(201, compact.status());
        assertEquals(first.raw().body(), compact.raw().body());
        assertEquals("true", compact.header("Idempotent-Replayed"));

        assertEquals(900, p.balance(customer), "debited once");
        assertEquals(4, p.stock(offer), "one unit taken");
        assertEquals(1, redemptions(p));
        assertEquals(2, p.ledger(customer).size(), "the opening earn and one spend");
        assertEquals(1, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ?", p.id()));

        // Without a key every request is new.
        p.redeem(customer, offer);
        assertEquals(2, redemptions(p));
    }

    @Test
    void anAccumulationRepeatedWithItsKeyCreditsOnce() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Acumula", 0);
        String key = key();
        Map<String, Object> body = Map.of("customer_id", customer, "amount", 300, "reason", "Boleta 42");
        Api.Response first = p.oficina.post(BASE + "/accumulations", body, key);
        assertBody(201, "{'customer_id':" + customer + ",'amount':300,'lumis_balance':300}", first);
        assertNull(first.header("Idempotent-Replayed"));
        for (int i = 0; i < 3; i++) {
            Api.Response again = p.oficina.post(BASE + "/accumulations", body, key);
            assertEquals(201, again.status());
            assertEquals(first.raw().body(), again.raw().body());
            assertEquals("true", again.header("Idempotent-Replayed"));
        }
        assertEquals(300, p.balance(customer));
        assertEquals(1, p.ledger(customer).size());
    }

    @Test
    void theSameKeyForAnotherRequestIs422() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Otra", 1000);
        String offer = p.offer("Jugo", 100, 5);
        String other = p.offer("Té", 50, 5);
        String key = key();
        assertEquals(201, p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key).status());

        assertBody(422, REUSED, p.vendedor.post(BASE + "/redemptions", redeemBody(customer, other), key));
        assertBody(422, REUSED, p.oficina.post(BASE + "/accumulations", Map.of("customer_id", customer, "amount", 5, "reason", "x"), key));

        assertEquals(900, p.balance(customer));
        assertEquals(4, p.stock(offer));
        assertEquals(5, p.stock(other));
        assertEquals(1, redemptions(p));
        // And the original request still replays.
        assertEquals("true", p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key).header("Idempotent-Replayed"));
    }

    @Test
    void aRefusalIsReplayedTooEvenAfterTheBalanceChanges() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Justa", 50);
        String offer = p.offer("Postre", 100, 5);
        String key = key();
        Api.Response refused = p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key);
        assertBody(409, "{'error':'insufficient_balance'}", refused);
        p.earn(customer, 100);
        Api.Response replay = p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key);
        assertBody(409, "{'error':'insufficient_balance'}", replay);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(0, redemptions(p));
        assertEquals(201, p.vendedor.post(BASE + "/redemptions", redeemBody(customer, offer), key()).status(), "a new key is a new attempt");
        assertEquals(50, p.balance(customer));
    }

    @Test
    void cancelAndConfirmAreIdempotentToo() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Anula", 1000);
        String offer = p.offer("Torta", 100, 5);
        JsonNode m = p.merchant("Pastelería");
        Api pos = Api.merchant(m.get("api_key").asText());
        String toCancel = p.redeem(customer, offer).get("redemption_id").asText();
        String toConfirm = p.redeem(customer, offer).get("redemption_code").asText();

        String cancelKey = key();
        Api.Response cancelled = p.oficina.post(BASE + "/redemptions/" + toCancel + "/cancel", Map.of(), cancelKey);
        assertEquals(200, cancelled.status());
        Api.Response again = p.oficina.post(BASE + "/redemptions/" + toCancel + "/cancel", Map.of(), cancelKey);
        assertEquals(200, again.status(), "the replay, not already_cancelled");
        assertEquals(cancelled.raw().body(), again.raw().body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(900, p.balance(customer), "refunded once");
        assertEquals(4, p.stock(offer), "restocked once");

        String confirmKey = key();
        Api.Response confirmed = pos.post(BASE + "/redemptions/" + toConfirm + "/confirm", Map.of(), confirmKey);
        assertEquals(200, confirmed.status());
        Api.Response replayed = pos.post(BASE + "/redemptions/" + toConfirm + "/confirm", Map.of(), confirmKey);
        assertEquals(200, replayed.status());
        assertEquals(confirmed.raw().body(), replayed.raw().body());
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals("confirmed_now", replayed.json().get("verdict").asText());
        assertEquals(1, p.count("SELECT total_redemptions FROM rewards.merchants WHERE merchant_id = ?::uuid", m.get("merchant_id").asText()));
    }

    @Test
    void aMerchantKeyIsNeverKeptForReplays() {
        RewardsData p = RewardsData.create();
        String createKey = key();
        Map<String, Object> body = Map.of("merchant_name", "Ferretería", "merchant_type", "ferreteria");
        Api.Response created = p.admin.post(BASE + "/merchants", body, createKey);
        assertEquals(201, created.status(), String.valueOf(created.json()));
        String apiKey = created.json().get("api_key").asText();
        String id = created.json().get("merchant_id").asText();
        assertEquals(0, p.count("SELECT count(*) FROM idempotency_keys WHERE tenant_id = ? AND strpos(response_body, ?) > 0", p.id(),
                apiKey.substring(16)), "only a bcrypt hash of the key is kept anywhere");

        Api.Response replay = p.admin.post(BASE + "/merchants", body, createKey);
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(RewardsApiFields.MERCHANT_FIELDS, JsonAssert.fields(replay.json()), "the key was shown once, not again");
        assertEquals(id, replay.json().get("merchant_id").asText());
        assertEquals(1, p.count("SELECT count(*) FROM rewards.merchants WHERE tenant_id = ?", p.id()));

        String rotateKey = key();
        Api.Response rotated = p.admin.post(BASE + "/merchants/" + id + "/rotate-key", Map.of(), rotateKey);
        assertEquals(200, rotated.status(), String.valueOf(rotated.json()));
        String newKey = rotated.json().get("api_key").asText();
        assertEquals(0, p.count("SELECT count(*) FROM idempotency_keys WHERE tenant_id = ? AND strpos(response_body, ?) > 0", p.id(),
                newKey.substring(16)));
        Api.Response rotatedAgain = p.admin.post(BASE + "/merchants/" + id + "/rotate-key", Map.of(), rotateKey);
        assertEquals(200, rotatedAgain.status());
        assertEquals("true", rotatedAgain.header("Idempotent-Replayed"));
        assertEquals(RewardsApiFields.MERCHANT_FIELDS, JsonAssert.fields(rotatedAgain.json()));
        assertEquals(newKey.substring(3, 15), RewardsData.db().fetchValue("SELECT api_key_prefix FROM rewards.merchants WHERE merchant_id = ?::uuid", id),
                "rotated once");
        long customer = p.customer("Cliente", 10);
        String code = p.redeem(customer, p.offer("Clavo", 1, null)).get("redemption_code").asText();
        assertEquals(200, Api.merchant(newKey).get(BASE + "/merchant/redemptions/" + code).status());
        assertEquals(401, Api.merchant(apiKey).get(BASE + "/merchant/redemptions/" + code).status());
    }

    @Test
    void keysBelongToTheirTenantAndMustBeSensible() {
        RewardsData a = RewardsData.create();
        RewardsData b = RewardsData.create();
        long ca = a.customer("A", 0);
        long cb = b.customer("B", 0);
        String key = key();
        assertEquals(201, a.oficina.post(BASE + "/accumulations", Map.of("customer_id", ca, "amount", 10, "reason", "x"), key).status());
        Api.Response inB = b.oficina.post(BASE + "/accumulations", Map.of("customer_id", cb, "amount", 20, "reason", "x"), key);
        assertBody(201, "{'customer_id':" + cb + ",'amount':20,'lumis_balance':20}", inB);
        assertNull(inB.header("Idempotent-Replayed"), "another tenant's key of the same name is not this one");
        assertEquals(10, a.balance(ca));
        assertEquals(20, b.balance(cb));

        String tooLong = "k".repeat(201);
        assertBody(422, "{'error':'validation_failed','fields':{'Idempotency-Key':'must be 1 to 200 characters'}}",
                a.oficina.post(BASE + "/accumulations", Map.of("customer_id", ca, "amount", 1, "reason", "x"), tooLong));
        assertBody(422, "{'error':'validation_failed','fields':{'Idempotency-Key':'must be 1 to 200 characters'}}",
                a.oficina.post(BASE + "/accumulations", Map.of("customer_id", ca, "amount", 1, "reason", "x"), "   "));
        assertEquals(201, a.oficina.post(BASE + "/accumulations", Map.of("customer_id", ca, "amount", 1, "reason", "x"), "k".repeat(200)).status());
        assertEquals(11, a.balance(ca));
    }

    @Test
    void twoConcurrentRedemptionsWithOneKeyHaveOneEffect() throws Exception {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Doble clic", 1000);
        String offer = p.offer("Empanada", 100, 10);
        String key = key();
        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Api client = p.vendedor.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions", redeemBody(customer, offer), key));
        }
        List<Api.Response> responses = Race.run(tasks);
        assertEquals(201, responses.get(0).status(), String.valueOf(responses.get(0).json()));
        assertEquals(201, responses.get(1).status(), String.valueOf(responses.get(1).json()));
        assertEquals(responses.get(0).raw().body(), responses.get(1).raw().body());
        assertEquals(1, responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count(), "one ran, the other replayed it");
        assertEquals(900, p.balance(customer));
        assertEquals(9, p.stock(offer));
        assertEquals(1, redemptions(p));
        p.assertLedgersAddUp();
    }

    @Test
    void tenConcurrentAccumulationsWithOneKeyCreditOnce() throws Exception {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Reintentos", 0);
        String key = key();
        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api client = p.oficina.ownConnection();
            tasks.add(() -> client.post(BASE + "/accumulations", Map.of("customer_id", customer, "amount", 70, "reason", "Reintento"), key));
        }
        List<Api.Response> responses = Race.run(tasks);
        for (Api.Response r : responses) {
            assertBody(201, "{'customer_id':" + customer + ",'amount':70,'lumis_balance':70}", r);
            assertEquals(responses.get(0).raw().body(), r.raw().body());
        }
        assertEquals(9, responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        assertEquals(70, p.balance(customer));
        assertEquals(1, p.ledger(customer).size());
    }

    @Test
    void concurrentConfirmationsEachWithItsOwnKeyAllSucceed() throws Exception {
        // A point of sale always sends a key; a busy afternoon confirms many codes at once, each request
        // holding the key's transaction while it confirms: none may fail for want of a pooled connection.
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Tarde", 10_000);
        String offer = p.offer("Bebida", 10, null);
        JsonNode m = p.merchant("Supermercado");
        Api pos = Api.merchant(m.get("api_key").asText());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 30; i++) codes.add(p.redeem(customer, offer).get("redemption_code").asText());
        assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + codes.get(0)).status(), "key verified once before the rush");

        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (String code : codes) {
            Api client = pos.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions/" + code + "/confirm", Map.of(), key()));
        }
        List<Api.Response> responses = Race.run(tasks);
        for (Api.Response r : responses) {
            assertEquals(200, r.status(), String.valueOf(r.json()));
            assertEquals("confirmed_now", r.json().get("verdict").asText());
        }
        assertEquals(30, p.count("SELECT total_redemptions FROM rewards.merchants WHERE merchant_id = ?::uuid", m.get("merchant_id").asText()));
        assertEquals(30, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'confirmed'", p.id()));
    }
}
