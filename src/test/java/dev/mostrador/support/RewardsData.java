package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one builder of rewards test data: a tenant's program made the way a client makes it, over
 * /api/v1/rewards as its staff, with the database reads tests check against. {@link RewardsRows} makes
 * rows straight through the repositories instead, where a test needs many rows fast.
 */
public final class RewardsData {
    public static final String BASE = RewardsApiFields.BASE;
    public final Fixtures.TestTenant tenant;
    public final Api admin;
    public final Api oficina;
    public final Api vendedor;

    private RewardsData(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.admin = Api.staff(tenant.admin());
        this.oficina = Api.staff(tenant.oficina());
        this.vendedor = Api.staff(tenant.vendedor());
    }

    /** A fresh tenant's program. */
    public static RewardsData create() {
        return new RewardsData(Fixtures.tenant());
    }

    public static RewardsData of(Fixtures.TestTenant tenant) {
        return new RewardsData(tenant);
    }

    public UUID id() {
        return tenant.id();
    }

    public static DSLContext db() {
        return TestDatabase.get().dsl();
    }

    /** The public address the app writes into QR codes. */
    public static String baseUrl() {
        return TestApp.config(Map.of()).baseUrl();
    }

    // --- through the API ---

    /** A customer made by the office, with this many lümis earned; their id. */
    public long customer(String name, int lumis) {
        long id = created(oficina.post(BASE + "/customers", Map.of("name", name))).get("id").asLong();
        if (lumis > 0) earn(id, lumis);
        return id;
    }

    /** A customer with an e-mail, made by the admin, with this many lümis earned; their id. */
    public long customer(String name, String email, int lumis) {
        long id = created(admin.post(BASE + "/customers", Map.of("name", name, "email", email))).get("id").asLong();
        created(admin.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", lumis, "reason", "Compra")));
        return id;
    }

    public void earn(long customerId, int lumis) {
        created(oficina.post(BASE + "/accumulations", Map.of("customer_id", customerId, "amount", lumis, "reason", "Compra")));
    }

    /** A café merchant as created: the body includes its api_key, shown this once. */
    public JsonNode merchant(String name) {
        return merchant(name, "cafe");
    }

    /** A merchant of a type (null: none given); the answer carries its api_key, shown this once. */
    public JsonNode merchant(String name, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant_name", name);
        if (type != null) body.put("merchant_type", type);
        return created(admin.post(BASE + "/merchants", body));
    }

    public static Map<String, Object> offerBody(String name, int cost, Integer stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("name_friendly", name);
        body.put("lumis_cost", cost);
        body.put("stock_quantity", stock);
        return body;
    }

    public JsonNode offer(Map<String, Object> body) {
        return created(admin.post(BASE + "/offers", body));
    }

    /** An offer redeemable anywhere, with a stock (null: unlimited); its id. */
    public String offer(String name, int cost, Integer stock) {
        return offer(offerBody(name, cost, stock)).get("offer_id").asText();
    }

    /** An offer bound to a merchant or (merchantId null) redeemable at any merchant, unlimited; its id. */
    public String offerAt(String name, String merchantId, int lumisCost) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name_friendly", name);
        body.put("lumis_cost", lumisCost);
        if (merchantId != null) body.put("merchant_id", merchantId);
        return offer(body).get("offer_id").asText();
    }

    /** The seller spends a customer's lümis on an offer: the redemption with redemption_code and qr_landing_url. */
    public JsonNode redeem(long customerId, String offerId) {
        return redeem(vendedor, customerId, offerId);
    }

    public JsonNode redeem(Api by, long customerId, String offerId) {
        return created(by.post(BASE + "/redemptions", Map.of("customer_id", customerId, "offer_id", offerId)));
    }

    public JsonNode cancel(String redemptionId) {
        Api.Response r = admin.post(BASE + "/redemptions/" + redemptionId + "/cancel", Map.of());
        assertEquals(200, r.status(), () -> "cancel: " + r.json());
        return r.json();
    }

    public JsonNode redemption(String redemptionId) {
        Api.Response r = admin.get(BASE + "/redemptions/" + redemptionId);
        assertEquals(200, r.status(), () -> "redemption: " + r.json());
        return r.json();
    }

    private static JsonNode created(Api.Response r) {
        assertEquals(201, r.status(), () -> "expected 201, got " + r.status() + " " + r.json());
        return r.json();
    }

    // --- straight from the database ---

    /** A customer with an opening balance, written through the real ledger (for the races' many customers). */
    public long customerInDb(String name, int lumis) {
        return RewardsRows.customerInLedger(tenant, name, lumis);
    }

    public long balance(long customerId) {
        return ((Number) db().fetchValue("SELECT lumis_balance FROM customers WHERE tenant_id = ? AND id = ?", id(), customerId)).longValue();
    }

    public Integer stock(String offerId) {
        Object v = db().fetchValue("SELECT stock_quantity FROM rewards.redemption_offers WHERE tenant_id = ? AND offer_id = ?::uuid", id(), offerId);
        return v == null ? null : ((Number) v).intValue();
    }

    public String status(String redemptionId) {
        return (String) db().fetchValue("SELECT redemption_status FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_id = ?::uuid",
                id(), redemptionId);
    }

    public int count(String sql, Object... args) {
        return ((Number) db().fetchValue(sql, args)).intValue();
    }

    /** The ledger rows of a customer, oldest first: kind, amount, redemption_id. */
    public List<Record> ledger(long customerId) {
        return db().fetch("SELECT kind, amount, redemption_id::text AS redemption_id FROM fact_accumulations "
                + "WHERE tenant_id = ? AND customer_id = ? ORDER BY id", id(), customerId);
    }

    /** Every customer of the tenant: the ledger adds up to the balance, which is never negative. */
    public void assertLedgersAddUp() {
        var rows = db().fetch("SELECT c.id, c.lumis_balance, coalesce((SELECT sum(amount) FROM fact_accumulations f "
                + "WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id), 0) AS ledger FROM customers c WHERE c.tenant_id = ?", id());
        assertTrue(rows.isNotEmpty(), "the tenant has customers");
        for (Record r : rows) {
            long balance = ((Number) r.get("lumis_balance")).longValue();
            long ledger = ((Number) r.get("ledger")).longValue();
            assertEquals(ledger, balance, "customer " + r.get("id") + ": ledger sum = balance");
            assertTrue(balance >= 0, "customer " + r.get("id") + ": balance " + balance + " >= 0");
        }
    }
}
