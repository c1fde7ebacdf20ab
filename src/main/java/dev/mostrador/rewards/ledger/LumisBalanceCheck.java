package dev.mostrador.rewards.ledger;

import org.jooq.DSLContext;

/**
 * Proves the lümis counters equal their ledger: a customer whose lumis_balance differs from the
 * sum of their fact_accumulations rows (every tenant's) is a drift to find, never to hide.
 */
public final class LumisBalanceCheck {
    private LumisBalanceCheck() {}

    /** Customers whose balance differs from their ledger's sum. */
    public static long drifts(DSLContext dsl) {
        return ((Number) dsl.fetchValue("""
                SELECT count(*) FROM public.customers c
                  LEFT JOIN (SELECT tenant_id, customer_id, sum(amount) AS total FROM public.fact_accumulations GROUP BY 1, 2) f
                    ON f.tenant_id = c.tenant_id AND f.customer_id = c.id
                 WHERE c.lumis_balance <> coalesce(f.total, 0)""")).longValue();
    }
}
