package dev.mostrador.rewards.ledger;

import dev.mostrador.rewards.redemptions.RedemptionService;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.UUID;

/**
 * Lümis credited or debited by hand (staff, the accumulations API): one ledger row, whose trigger
 * moves the balance; the balance's CHECK refuses a debit below zero.
 */
public final class LumisAdjustments {
    private final DSLContext dsl;
    private final LedgerRepository ledger;

    public LumisAdjustments(DSLContext dsl, LedgerRepository ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** Credits (earn, positive) or debits (adjust, negative); throws {@link RedemptionService.Refused} when refused. */
    public void adjust(UUID tenantId, long customerId, int amount, String kind, String reason, Long userId) {
        adjust(dsl, tenantId, customerId, amount, kind, reason, userId);
    }

    /** The same inside {@code ctx}'s transaction (an Idempotency-Key's). */
    public void adjust(DSLContext ctx, UUID tenantId, long customerId, int amount, String kind, String reason, Long userId) {
        try {
            ctx.transaction(cfg -> ledger.append(cfg.dsl(), tenantId, customerId, amount, kind, reason, null, userId));
        } catch (DataAccessException e) {
            if ("23514".equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("lumis_balance")) {
                throw new RedemptionService.Refused("insufficient_balance", null);
            }
            if ("23503".equals(e.sqlState())) throw new RedemptionService.Refused("customer_not_found", null);
            throw e;
        }
    }
}
