package dev.mostrador.rewards;

import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed command's data is as consistent as real data: ledgers equal balances, stats equal confirmations. */
class RewardsSeedTest {

    @Test
    void seededDataIsConsistent() throws Exception {
        DSLContext dsl = TestDatabase.get().dsl();
        TestApp.get();
        String slug = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        var result = new RewardsSeed(dsl, "http://localhost").load(slug, new RewardsSeed.Sizes(5, 20, 50, 2000));
        UUID t = result.tenant().id();
        assertEquals(2000, count(dsl, "SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ?", t));
        assertEquals(0, count(dsl, "SELECT count(*) FROM customers c WHERE tenant_id = ? AND lumis_balance <> "
                + "(SELECT coalesce(sum(amount), 0) FROM fact_accumulations f WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id)", t));
        assertEquals(0, count(dsl, "SELECT count(*) FROM customers WHERE tenant_id = ? AND lumis_balance < 1000", t),
                "every customer keeps 1000 lümis to spend");
        assertEquals(count(dsl, "SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'confirmed'", t),
                count(dsl, "SELECT coalesce(sum(total_redemptions), 0) FROM rewards.merchants WHERE tenant_id = ?", t));
        for (String status : new String[] {"pending", "confirmed", "expired", "cancelled"}) {
            assertTrue(count(dsl, "SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = '" + status + "'", t) > 0, status);
        }
        assertEquals(0, count(dsl, "SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_code !~ '^[0-9A-HJKMNP-TV-Z]{10}$'", t),
                "codes use the unambiguous alphabet");
        String code = (String) dsl.fetchValue("SELECT redemption_code FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'pending' LIMIT 1", t);
        HttpResponse<String> lookup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestApp.baseUrl() + "/api/v1/rewards/merchant/redemptions/" + code))
                .header("Authorization", "Bearer " + result.merchantKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(lookup.statusCode() == 200 || lookup.statusCode() == 403 || lookup.statusCode() == 404, "the printed key works: " + lookup.statusCode());
        assertTrue(lookup.statusCode() != 401, "the printed key authenticates");
    }

    private static long count(DSLContext dsl, String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }
}
