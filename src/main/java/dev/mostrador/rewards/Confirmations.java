package dev.mostrador.rewards;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.rewards.Tables.REDEMPTION_OFFERS;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

/**
 * A merchant looks up a code and confirms it. Confirmation is one conditional UPDATE, so among
 * any number of simultaneous confirmations exactly one wins; the rest are told why not.
 */
public final class Confirmations {
    private final DSLContext dsl;
    private final RedemptionRepository redemptions;
    private final AuditWriter auditLog;

    public Confirmations(DSLContext dsl, RedemptionRepository redemptions, AuditWriter auditLog) {
        this.dsl = dsl;
        this.redemptions = redemptions;
        this.auditLog = auditLog;
    }

    /** What a merchant may learn about a code: the redemption (only when it is theirs to see) and the verdict. */
    public record Check(String verdict, Redemption redemption) {
        public boolean confirmable() {
            return "pending".equals(verdict);
        }
    }

    /** Verdicts: pending, unknown, other_merchant, confirmed, cancelled, expired. */
    public Check lookup(MerchantAccess.SignedInMerchant m, String code, AuditContext audit) {
        Check check = classify(m, redemptions.findByCode(code));
        if (check.redemption() != null) {
            auditLog.add(m.tenantId(), check.redemption().id(), "validated", audit, Map.of("verdict", check.verdict()));
        }
        return check;
    }

    public Check confirm(MerchantAccess.SignedInMerchant m, String code, AuditContext audit) {
        return confirm(dsl, m, code, audit);
    }

    /** In {@code ctx}'s transaction when it has one (an Idempotency-Key's), as a nested one. */
    public Check confirm(DSLContext ctx, MerchantAccess.SignedInMerchant m, String code, AuditContext audit) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            audit.applyTo(tx);
            UUID confirmed = tx.update(USER_REDEMPTIONS)
                    .set(USER_REDEMPTIONS.REDEMPTION_STATUS, "confirmed")
                    .set(USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID, m.merchantId())
                    .set(USER_REDEMPTIONS.VALIDATED_AT, DSL.currentOffsetDateTime())
                    .set(USER_REDEMPTIONS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .from(REDEMPTION_OFFERS)
                    .where(USER_REDEMPTIONS.REDEMPTION_CODE.eq(code), USER_REDEMPTIONS.TENANT_ID.eq(m.tenantId()),
                            USER_REDEMPTIONS.REDEMPTION_STATUS.eq("pending"),
                            USER_REDEMPTIONS.CODE_EXPIRES_AT.gt(DSL.currentOffsetDateTime()),
                            REDEMPTION_OFFERS.TENANT_ID.eq(USER_REDEMPTIONS.TENANT_ID), REDEMPTION_OFFERS.OFFER_ID.eq(USER_REDEMPTIONS.OFFER_ID),
                            REDEMPTION_OFFERS.MERCHANT_ID.isNull().or(REDEMPTION_OFFERS.MERCHANT_ID.eq(m.merchantId())))
                    .returningResult(USER_REDEMPTIONS.REDEMPTION_ID)
                    .fetchOne(USER_REDEMPTIONS.REDEMPTION_ID);
            Optional<Redemption> now = redemptions.findByCode(tx, code);
            if (confirmed != null) return new Check("confirmed_now", now.orElseThrow());
            return classify(m, now);
        });
    }

    private static Check classify(MerchantAccess.SignedInMerchant m, Optional<Redemption> found) {
        if (found.isEmpty() || !tenantOf(found.get(), m)) return new Check("unknown", null);
        Redemption r = found.get();
        if (r.offerMerchantId() != null && !r.offerMerchantId().equals(m.merchantId())) return new Check("other_merchant", null);
        if (r.pending() && !r.expiresAt().isAfter(OffsetDateTime.now())) return new Check("expired", r);
        return new Check(r.status(), r);
    }

    private static boolean tenantOf(Redemption r, MerchantAccess.SignedInMerchant m) {
        return r.tenantId().equals(m.tenantId());
    }

    /** An audit row the trigger cannot write: a look-up, a failed look-up, a rate limit. */
    public void recordFailure(UUID tenantId, String action, AuditContext audit, Map<String, Object> metadata) {
        auditLog.add(tenantId, null, action, audit, metadata);
    }
}
