package dev.mostrador.rewards;

import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads seed 001's capacity into one tenant with set-based SQL: merchants, reward offers,
 * customers, redemptions in every state, and the ledger rows that paid for them, so that every
 * balance equals its ledger. Bulk rows skip the per-row triggers (session_replication_role =
 * replica, which needs a superuser: the embedded database's user is one) and the balances and
 * merchant stats are then computed in one statement each; the audit log starts empty for seeded rows.
 */
public final class RewardsSeed {
    static final String ALPHABET = Codes.ALPHABET;
    private final DSLContext dsl;
    private final String baseUrl;

    public RewardsSeed(DSLContext dsl, String baseUrl) {
        this.dsl = dsl;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public record Sizes(int merchants, int offers, int customers, int redemptions) {}

    public record Result(Tenant tenant, String merchantKey, String merchantName, Map<String, Long> millis) {}

    public Result load(String slug, Sizes sizes) {
        Map<String, Long> millis = new LinkedHashMap<>();
        TenantRepository tenants = new TenantRepository(dsl);
        Tenant tenant = tenants.findBySlug(slug).orElseGet(() ->
                tenants.create(dsl, null, TenantRepository.NewTenant.named(slug, "Seed " + slug)));
        MerchantKeys.NewKey key = MerchantKeys.generate();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET LOCAL session_replication_role = replica");
            tx.execute("SET LOCAL synchronous_commit = off");
            step(millis, "merchants", () -> tx.execute("""
                    INSERT INTO rewards.merchants (tenant_id, merchant_name, merchant_type, api_key_prefix, api_key_hash)
                    SELECT ?, 'Comercio ' || lpad(i::text, 5, '0'), (ARRAY['restaurant','cinema','bookstore','cafe'])[1 + i % 4],
                           CASE WHEN i = 1 THEN ? ELSE substr(md5(random()::text || i), 1, 12) END,
                           CASE WHEN i = 1 THEN ? ELSE '!' END
                      FROM generate_series(1, ?) i""", tenant.id(), key.prefix(), key.hash(), sizes.merchants()));
            step(millis, "offers", () -> tx.execute("""
                    INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, description, offer_category, lumis_cost,
                           stock_quantity, merchant_id, valid_from, valid_to)
                    SELECT ?, 'Recompensa ' || i, 'Generada por seed', (ARRAY['food_drink','discount','cinema','books'])[1 + i % 4],
                           10 + (i * 37) % 490, CASE WHEN i % 10 = 0 THEN NULL ELSE 1000000 END,
                           CASE WHEN i % 2 = 0 THEN NULL ELSE m.merchant_id END, now() - interval '30 days', now() + interval '365 days'
                      FROM generate_series(1, ?) i
                      JOIN (SELECT merchant_id, row_number() OVER (ORDER BY merchant_name) AS n FROM rewards.merchants WHERE tenant_id = ?) m
                        ON m.n = 1 + i % ?""", tenant.id(), sizes.offers(), tenant.id(), sizes.merchants()));
            step(millis, "customers", () -> tx.execute("""
                    INSERT INTO customers (tenant_id, name, email)
                    SELECT ?, 'Cliente ' || i, 'cliente' || i || '@' || ? || '.seed' FROM generate_series(1, ?) i""",
                    tenant.id(), slug, sizes.customers()));
            step(millis, "redemptions", () -> tx.execute("""
                    WITH o AS (SELECT offer_id, merchant_id, lumis_cost, row_number() OVER (ORDER BY offer_id) AS n
                                 FROM rewards.redemption_offers WHERE tenant_id = ?),
                         c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customers WHERE tenant_id = ?),
                         g AS (SELECT i, (i * 6364136223 + 1442695040) % 1125899906842624 AS v,
                                      now() - (i % 129600) * interval '1 minute' AS created FROM generate_series(1, ?) i)
                    INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, qr_landing_url,
                           qr_image_url, redemption_status, validated_by_merchant_id, validated_at, code_expires_at, created_at, updated_at)
                    SELECT ?, c.id, o.offer_id, o.lumis_cost, code, ? || '/r/' || code, ? || '/r/' || code || '/qr.svg',
                           s.status, CASE WHEN s.status = 'confirmed' THEN coalesce(o.merchant_id, m1.merchant_id) END,
                           CASE WHEN s.status = 'confirmed' THEN g.created + interval '2 hours' END,
                           CASE WHEN s.status = 'pending' THEN now() + interval '72 hours' ELSE g.created + interval '72 hours' END,
                           g.created, g.created
                      FROM g
                      JOIN o ON o.n = 1 + g.i % ?
                      JOIN c ON c.n = 1 + g.i % ?
                      CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 20 < 14 THEN 'confirmed' WHEN g.i % 20 < 17 THEN 'pending'
                                                      WHEN g.i % 20 < 19 THEN 'expired' ELSE 'cancelled' END AS status) s
                      CROSS JOIN LATERAL (SELECT string_agg(substr(?, ((g.v >> (5 * k)) & 31)::int + 1, 1), '' ORDER BY k) AS code
                                            FROM generate_series(0, 9) k) x
                      CROSS JOIN (SELECT merchant_id FROM rewards.merchants WHERE tenant_id = ? ORDER BY merchant_name LIMIT 1) m1""",
                    tenant.id(), tenant.id(), sizes.redemptions(), tenant.id(), baseUrl, baseUrl,
                    sizes.offers(), sizes.customers(), ALPHABET, tenant.id()));
            step(millis, "ledger", () -> {
                tx.execute("""
                        INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, redemption_id, created_at)
                        SELECT tenant_id, user_id, -lumis_spent, 'redeem', 'Canje de ' || substr(redemption_code, 1, 5) || '-' || substr(redemption_code, 6), redemption_id, created_at
                          FROM rewards.user_redemptions WHERE tenant_id = ?
                        UNION ALL
                        SELECT tenant_id, user_id, lumis_spent, 'refund', 'Devolución (seed)', redemption_id, updated_at
                          FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status IN ('expired', 'cancelled')""",
                        tenant.id(), tenant.id());
                // Each customer earned what they spent, plus 1000 to spend in the benchmark.
                tx.execute("""
                        INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, created_at)
                        SELECT c.tenant_id, c.id, 1000 + coalesce(-s.spent, 0), 'earn', 'Compras (seed)', now() - interval '100 days'
                          FROM customers c
                          LEFT JOIN (SELECT customer_id, sum(amount) AS spent FROM fact_accumulations WHERE tenant_id = ? GROUP BY 1) s
                            ON s.customer_id = c.id
                         WHERE c.tenant_id = ?""", tenant.id(), tenant.id());
            });
            step(millis, "balances and stats", () -> {
                tx.execute("""
                        UPDATE customers c SET lumis_balance = s.total
                          FROM (SELECT customer_id, sum(amount) AS total FROM fact_accumulations WHERE tenant_id = ? GROUP BY 1) s
                         WHERE c.tenant_id = ? AND c.id = s.customer_id""", tenant.id(), tenant.id());
                tx.execute("""
                        UPDATE rewards.merchants m SET total_redemptions = s.n, total_lumis_redeemed = s.lumis
                          FROM (SELECT validated_by_merchant_id AS id, count(*) AS n, sum(lumis_spent) AS lumis
                                  FROM rewards.user_redemptions WHERE tenant_id = ? AND redemption_status = 'confirmed' GROUP BY 1) s
                         WHERE m.tenant_id = ? AND m.merchant_id = s.id""", tenant.id(), tenant.id());
            });
        });
        // After a bulk load: statistics for the planner, hint bits and the visibility map set now
        // (not by the first readers or autovacuum), and the dirty pages written out.
        step(millis, "vacuum analyze", () -> {
            dsl.execute("VACUUM (ANALYZE) customers, fact_accumulations, rewards.merchants, rewards.redemption_offers, rewards.user_redemptions");
            try {
                dsl.execute("CHECKPOINT");
            } catch (org.jooq.exception.DataAccessException e) {
                // Not allowed for this role: PostgreSQL's own checkpoints will catch up.
            }
        });
        String first = dsl.fetchValue("SELECT merchant_name FROM rewards.merchants WHERE api_key_prefix = ?", key.prefix()).toString();
        return new Result(tenant, key.key(), first, millis);
    }

    private static void step(Map<String, Long> millis, String name, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        millis.put(name, (System.nanoTime() - t0) / 1_000_000);
    }
}
