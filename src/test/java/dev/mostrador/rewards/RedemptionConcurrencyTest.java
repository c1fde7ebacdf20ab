package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Race;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.mostrador.support.RewardsApiFields.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races over HTTP, the real path: threads released together by a barrier, each with an HTTP client
 * (and connection) of its own. The database settles every race; the books always add up.
 */
class RedemptionConcurrencyTest {

    static long count(List<Api.Response> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    static long errors(List<Api.Response> responses, String error) {
        return responses.stream().filter(r -> r.json() != null && r.json().has("error") && error.equals(r.json().get("error").asText())).count();
    }

    static String summary(List<Api.Response> responses) {
        Map<String, Integer> byOutcome = new java.util.TreeMap<>();
        for (Api.Response r : responses) byOutcome.merge(r.status() + " " + r.json(), 1, Integer::sum);
        return byOutcome.toString();
    }

    @Test
    void fiftyCustomersRaceForTenUnits() throws Exception {
        RewardsData p = RewardsData.create();
        String offer = p.offer("Entrada al cine", 100, 10);
        List<Long> customers = new ArrayList<>();
        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long customer = p.customerInDb("Cliente " + i, 500);
            customers.add(customer);
            Api client = p.vendedor.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)));
        }

        List<Api.Response> responses = Race.run(tasks);

        assertEquals(10, count(responses, 201), summary(responses));
        assertEquals(40, count(responses, 409), summary(responses));
        assertEquals(40, errors(responses, "out_of_stock"), summary(responses));
        assertEquals(0, p.stock(offer));
        assertEquals(10, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND offer_id = ?::uuid", p.id(), offer));
        assertEquals(10, p.count("SELECT count(*) FROM fact_accumulations WHERE tenant_id = ? AND kind = 'redeem'", p.id()));
        assertEquals(10, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'created'", p.id()));
        HashSet<String> codes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Api.Response r = responses.get(i);
            assertEquals(r.status() == 201 ? 400 : 500, p.balance(customers.get(i)), "only winners paid: customer " + i);
            if (r.status() == 201) codes.add(r.json().get("redemption_code").asText());
        }
        assertEquals(10, codes.size(), "ten different codes");
        p.assertLedgersAddUp();
    }

    @Test
    void oneCustomerWithLumisForThreeSendsTwentyAtOnce() throws Exception {
        RewardsData p = RewardsData.create();
        long customer = p.customerInDb("Apurado", 300);
        String offer = p.offer("Hamburguesa", 100, 100);
        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api client = p.vendedor.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)));
        }

        List<Api.Response> responses = Race.run(tasks);

        assertEquals(3, count(responses, 201), summary(responses));
        assertEquals(17, count(responses, 409), summary(responses));
        assertEquals(17, errors(responses, "insufficient_balance"), summary(responses));
        assertEquals(0, p.balance(customer));
        assertEquals(97, p.stock(offer), "the refused ones gave their unit back");
        assertEquals(3, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ?", p.id()));
        assertEquals(4, p.ledger(customer).size(), "the opening earn and three spends");
        p.assertLedgersAddUp();
    }

    @Test
    void fiftyConfirmationsOfOneCodeConfirmItOnce() throws Exception {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Confirmada", 1000);
        String offer = p.offer("Pizza", 150, 10);
        JsonNode merchant = p.merchant("Pizzería Rápida");
        String merchantId = merchant.get("merchant_id").asText();
        Api pos = Api.merchant(merchant.get("api_key").asText());
        JsonNode redemption = p.redeem(customer, offer);
        String code = redemption.get("redemption_code").asText();
        assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + code).status(), "key verified once before the rush");

        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Api client = pos.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        }

        List<Api.Response> responses = Race.run(tasks);

        assertEquals(1, count(responses, 200), summary(responses));
        assertEquals(49, count(responses, 409), summary(responses));
        for (Api.Response r : responses) {
            assertEquals(r.status() == 200 ? "confirmed_now" : "confirmed", r.json().get("verdict").asText());
            assertEquals("confirmed", r.json().get("redemption_status").asText());
        }
        assertEquals("confirmed", p.status(redemption.get("redemption_id").asText()));
        assertEquals("1/150", RewardsData.db().fetchValue(
                "SELECT total_redemptions || '/' || total_lumis_redeemed FROM rewards.merchants WHERE merchant_id = ?::uuid", merchantId));
        assertEquals(1, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action = 'confirmed'", p.id()));
        assertEquals(850, p.balance(customer));
        p.assertLedgersAddUp();
    }

    @Test
    void cancelsAndConfirmationsOfOneCodeAtOnceLetExactlyOneWin() throws Exception {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Indecisa", 1000);
        String offer = p.offer("Cerveza", 200, 5);
        JsonNode merchant = p.merchant("Bar");
        Api pos = Api.merchant(merchant.get("api_key").asText());
        JsonNode redemption = p.redeem(customer, offer);
        String id = redemption.get("redemption_id").asText();
        String code = redemption.get("redemption_code").asText();
        assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + code).status());

        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api counter = p.oficina.ownConnection();
            Api till = pos.ownConnection();
            tasks.add(() -> counter.post(BASE + "/redemptions/" + id + "/cancel", Map.of()));
            tasks.add(() -> till.post(BASE + "/redemptions/" + code + "/confirm", Map.of()));
        }

        List<Api.Response> responses = Race.run(tasks);

        long cancels = count(responses, 200) - responses.stream().filter(r -> r.status() == 200 && r.json().has("verdict")).count();
        long confirms = responses.stream().filter(r -> r.status() == 200 && r.json().has("verdict")).count();
        assertEquals(1, cancels + confirms, "exactly one winner: " + summary(responses));
        assertEquals(19, count(responses, 409), summary(responses));
        String status = p.status(id);
        assertEquals(cancels == 1 ? "cancelled" : "confirmed", status);
        assertEquals(cancels == 1 ? 1000 : 800, p.balance(customer), "refunded only if cancelled");
        assertEquals(cancels == 1 ? 5 : 4, p.stock(offer));
        assertEquals(cancels == 1 ? 0 : 1, p.count("SELECT total_redemptions FROM rewards.merchants WHERE merchant_id = ?::uuid",
                merchant.get("merchant_id").asText()));
        assertEquals(1, p.count("SELECT count(*) FROM rewards.redemption_audit_log WHERE tenant_id = ? AND action IN ('cancelled', 'confirmed')", p.id()));
        p.assertLedgersAddUp();
    }

    @Test
    void redeemsCancelsAndTheExpiryJobTogetherKeepStockAndLedgerExact() throws Exception {
        RewardsData p = RewardsData.create();
        String offer = p.offer("Café", 50, 12);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) customers.add(p.customerInDb("Mezcla " + i, 400));
        List<String> toCancel = new ArrayList<>();
        List<String> toExpire = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            toCancel.add(p.redeem(customers.get(i), offer).get("redemption_id").asText());
            toExpire.add(p.redeem(customers.get(i), offer).get("redemption_id").asText());
        }
        assertEquals(0, p.stock(offer));
        RewardsData.db().execute("UPDATE rewards.user_redemptions SET code_expires_at = now() - interval '1 minute' "
                + "WHERE redemption_id = ANY (?::uuid[])", (Object) toExpire.toArray(new String[0]));

        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (String id : toCancel) {
            Api client = p.oficina.ownConnection();
            tasks.add(() -> client.post(BASE + "/redemptions/" + id + "/cancel", Map.of()));
        }
        for (long customer : customers) {
            for (int k = 0; k < 3; k++) {
                Api client = p.vendedor.ownConnection();
                tasks.add(() -> client.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)));
            }
        }
        RewardsJobs jobs = new RewardsJobs(RewardsData.db());
        List<Callable<Api.Response>> all = new ArrayList<>(tasks);
        all.add(() -> new Api.Response(jobs.expireRedemptions() >= 0 ? 299 : 500, null, null));

        List<Api.Response> responses = Race.run(all);

        for (Api.Response r : responses) {
            assertTrue(r.status() == 200 || r.status() == 201 || r.status() == 409 || r.status() == 299, "no errors, no deadlocks: " + summary(responses));
        }
        assertEquals(6, count(responses, 200), "every pending code cancelled: " + summary(responses));
        assertEquals(6, p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'expired'", p.id()));
        long live = p.count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status IN ('pending', 'confirmed')", p.id());
        assertEquals(count(responses, 201), live, "every live code is one of this race's redemptions");
        assertEquals(12, p.stock(offer) + live, "units in stock + live codes = the offer's units");
        assertTrue(p.stock(offer) >= 0);
        p.assertLedgersAddUp();
    }
}
