package dev.mostrador.rewards;

import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.rewards.ledger.LedgerRepository;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fresh tenant's rewards program, driven over /api/v1/rewards, with the database reads tests check against. */
final class Program {
    static final String BASE = "/api/v1/rewards";
    final Fixtures.TestTenant tenant;
    final RewardsHttp admin;
    final RewardsHttp oficina;
    final RewardsHttp vendedor;

    private Program(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.admin = RewardsHttp.staff(tenant.admin());
        this.oficina = RewardsHttp.staff(tenant.oficina());
        this.vendedor = RewardsHttp.staff(tenant.vendedor());
    }

    static Program create() {
        return new Program(Fixtures.tenant());
    }

    UUID id() {
        return tenant.id();
    }

    static DSLContext db() {
        return TestDatabase.get().dsl();
    }

    /** The public address the app writes into QR codes. */
    static String baseUrl() {
        return TestApp.config(Map.of()).baseUrl();
    }

    // --- through the API ---

    long customer(String name, int lumis) {
        Api.Response c = oficina.post(BASE + "/customers", Map.of("name", name));
        assertEquals(201, c.status(), String.valueOf(c.json()));
        long id = c.json().get("id").asLong();
        if (lumis > 0) earn(id, lumis);
        return id;
    }

    void earn(long customerId, int lumis) {
        Api.Response r = oficina.post(BASE + "/accumulations", Map.of("customer_id", customerId, "amount", lumis, "reason", "Compra"));
        assertEquals(201, r.status(), String.valueOf(r.json()));
    }

    /** A merchant as created: the body includes its api_key, shown this once. */
    JsonNode merchant(String name) {
        Api.Response r = admin.post(BASE + "/merchants", Map.of("merchant_name", name, "merchant_type", "cafe"));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json();
    }

    static Map<String, Object> offerBody(String name, int cost, Integer stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("name_friendly", name);
        body.put("lumis_cost", cost);
        body.put("stock_quantity", stock);
        return body;
    }

    JsonNode offer(Map<String, Object> body) {
        Api.Response r = admin.post(BASE + "/offers", body);
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json();
    }

    String offer(String name, int cost, Integer stock) {
        return offer(offerBody(name, cost, stock)).get("offer_id").asText();
    }

    JsonNode redeem(long customerId, String offerId) {
        Api.Response r = vendedor.post(BASE + "/redemptions", Map.of("customer_id", customerId, "offer_id", offerId));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json();
    }

    // --- straight from the database ---

    /** A customer with an opening balance, written through the real ledger (for the races' many customers). */
    long customerInDb(String name, int lumis) {
        CustomerRepository customers = new CustomerRepository(db());
        long id = customers.create(id(), name, null, null);
        if (lumis > 0) db().transaction(cfg -> new LedgerRepository(cfg.dsl()).append(cfg.dsl(), id(), id, lumis, "earn", "Saldo inicial", null, null));
        return id;
    }

    long balance(long customerId) {
        return ((Number) db().fetchValue("SELECT lumis_balance FROM customers WHERE tenant_id = ? AND id = ?", id(), customerId)).longValue();
    }

    Integer stock(String offerId) {
        Object v = db().fetchValue("SELECT stock_quantity FROM rewards.redemption_offers WHERE tenant_id = ? AND offer_id = ?::uuid", id(), offerId);
        return v == null ? null : ((Number) v).intValue();
    }

    String status(String redemptionId) {
        return (String) db().fetchValue("SELECT redemption_status FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_id = ?::uuid",
                id(), redemptionId);
    }

    int count(String sql, Object... args) {
        return ((Number) db().fetchValue(sql, args)).intValue();
    }

    /** The ledger rows of a customer, oldest first: kind, amount, redemption_id. */
    List<Record> ledger(long customerId) {
        return db().fetch("SELECT kind, amount, redemption_id::text AS redemption_id FROM fact_accumulations "
                + "WHERE tenant_id = ? AND customer_id = ? ORDER BY id", id(), customerId);
    }

    /** Every customer of the tenant: the ledger adds up to the balance, which is never negative. */
    void assertLedgersAddUp() {
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
