package dev.mostrador.rewards;

import dev.mostrador.support.Race;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several expiry runs at once (app instances, the job and the command line) never deadlock: codes
 * of many offers and customers, due in an order that crosses them, expired by six callers
 * released together in small batches.
 */
class ExpiryDeadlockTest {
    private static final int CODES = 1500;

    @Test
    void concurrentExpiriesNeverDeadlockAndRefundEachCodeOnce() throws Exception {
        DSLContext dsl = TestDatabase.get().dsl();
        UUID t = Fixtures.tenant().id();
        for (int i = 0; i < 4; i++) {
            dsl.execute("INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, lumis_cost, stock_quantity) VALUES (?, ?, 10, 0)", t, "Oferta " + i);
            dsl.execute("INSERT INTO customers (tenant_id, name) VALUES (?, ?)", t, "Cliente " + i);
        }
        // Due times in random order, so each batch takes offers and customers in a crossing order.
        dsl.execute("""
                INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, code_expires_at)
                SELECT ?, c.id, o.offer_id, 10, 'DL' || substr(md5(random()::text || g), 1, 20), now() - random() * interval '1 hour'
                  FROM generate_series(1, ?) g
                  CROSS JOIN LATERAL (SELECT id FROM customers WHERE tenant_id = ? AND g > 0 ORDER BY random() LIMIT 1) c
                  CROSS JOIN LATERAL (SELECT offer_id FROM rewards.redemption_offers WHERE tenant_id = ? AND g > 0 ORDER BY random() LIMIT 1) o
                """, t, CODES, t, t);

        List<Callable<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(() -> {
                int expired = 0;
                for (int n; (n = ((Number) dsl.fetchValue("SELECT rewards.expire_old_redemptions(5)")).intValue()) > 0; ) expired += n;
                return expired;
            });
        }
        List<Integer> counts = Race.run(callers); // a deadlock (40P01) in any caller fails the race
        assertEquals(CODES, count(dsl, "SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'expired'", t));
        assertEquals(CODES, count(dsl, "SELECT count(*) FROM fact_accumulations WHERE tenant_id = ? AND kind = 'refund'", t), "each refunded once");
        assertEquals(CODES, count(dsl, "SELECT sum(stock_quantity) FROM rewards.redemption_offers WHERE tenant_id = ?", t), "each back in stock once");
        assertEquals(0, count(dsl, "SELECT count(*) FROM customers c WHERE tenant_id = ? AND lumis_balance <> "
                + "(SELECT coalesce(sum(amount), 0) FROM fact_accumulations f WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id)", t));
        // Other tests' tenants may have codes due too: the function expires every tenant's.
        assertTrue(counts.stream().mapToInt(Integer::intValue).sum() >= CODES, "callers' counts: " + counts);
    }

    private static long count(DSLContext dsl, String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }
}
