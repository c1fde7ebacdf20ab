package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rewards data of a fresh tenant, made the way a client would: through the JSON API as its admin. */
public final class RewardsData {
    private final Fixtures.TestTenant tenant;
    private final Api admin;

    private RewardsData(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.admin = Api.as(tenant.admin());
    }

    public static RewardsData of(Fixtures.TestTenant tenant) {
        return new RewardsData(tenant);
    }

    public Fixtures.TestTenant tenant() {
        return tenant;
    }

    public Api admin() {
        return admin;
    }

    /** A merchant; the answer carries its api_key (shown only this once). */
    public JsonNode merchant(String name) {
        return created(admin.post("/api/v1/rewards/merchants", Map.of("merchant_name", name)));
    }

    /** A reward offer, bound to a merchant or (merchantId null) redeemable at any merchant; its id. */
    public String offer(String name, String merchantId, int lumisCost) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name_friendly", name);
        body.put("lumis_cost", lumisCost);
        if (merchantId != null) body.put("merchant_id", merchantId);
        return created(admin.post("/api/v1/rewards/offers", body)).get("offer_id").asText();
    }

    /** A customer with this many lümis earned; their id. */
    public long customer(String name, String email, int lumis) {
        long id = created(admin.post("/api/v1/rewards/customers", Map.of("name", name, "email", email))).get("id").asLong();
        created(admin.post("/api/v1/rewards/accumulations", Map.of("customer_id", id, "amount", lumis, "reason", "Compra")));
        return id;
    }

    /** Spends lümis on an offer: the redemption with redemption_code and qr_landing_url. */
    public JsonNode redeem(long customerId, String offerId) {
        return created(admin.post("/api/v1/rewards/redemptions", Map.of("customer_id", customerId, "offer_id", offerId)));
    }

    public JsonNode cancel(String redemptionId) {
        Api.Response r = admin.post("/api/v1/rewards/redemptions/" + redemptionId + "/cancel", Map.of());
        assertEquals(200, r.status(), () -> "cancel: " + r.json());
        return r.json();
    }

    public JsonNode redemption(String redemptionId) {
        Api.Response r = admin.get("/api/v1/rewards/redemptions/" + redemptionId);
        assertEquals(200, r.status(), () -> "redemption: " + r.json());
        return r.json();
    }

    private static JsonNode created(Api.Response r) {
        assertEquals(201, r.status(), () -> "expected 201, got " + r.status() + " " + r.json());
        return r.json();
    }
}
