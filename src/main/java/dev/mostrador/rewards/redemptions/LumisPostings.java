package dev.mostrador.rewards.redemptions;

import org.jooq.DSLContext;

import java.util.UUID;

/**
 * Appends a row to the lümis ledger inside a redemption's transaction (spend on redeem, refund on
 * cancel). The ledger room implements it; redemptions only know this door, so the ledger may
 * build on redemptions without a cycle.
 */
public interface LumisPostings {
    void append(DSLContext tx, UUID tenantId, long customerId, int amount, String kind, String reason, UUID redemptionId, Long createdBy);
}
