package dev.mostrador.rewards.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the lümis ledger: positive earns and refunds, negative spends and debits. */
public record LedgerEntry(long id, int amount, String kind, String reason, UUID redemptionId, OffsetDateTime createdAt) {}
