package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.common.AuditWriter;
import dev.mostrador.rewards.merchants.MerchantAccess;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant looks up a code and confirms it. Confirmation is one conditional UPDATE, so among
 * any number of simultaneous confirmations exactly one wins; the rest are told why not.
 */
public final class Confirmations {
    private final DSLContext dsl;
    private final RedemptionRepository redemptions;
    private final AuditWriter auditLog;
    private final BusinessEvents.Counter confirmedCodes;

    public Confirmations(DSLContext dsl, RedemptionRepository redemptions, AuditWriter auditLog, BusinessEvents events) {
        this.dsl = dsl;
        this.confirmedCodes = events.counter("mostrador.redemptions.confirmed", "Redemption codes confirmed by a merchant");
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
        Check check = classify(m, redemptions.findByCodeForMerchant(dsl, code));
        if (check.redemption() != null) {
            auditLog.add(m.tenantId(), check.redemption().id(), "validated", audit, Map.of("verdict", check.verdict()));
        }
        return check;
    }

    public Check confirm(MerchantAccess.SignedInMerchant m, String code, AuditContext audit) {
        return confirm(dsl, m, code, audit);
    }

    /** In {@code ctx}'s transaction when it has one (an Idempotency-Key's), else as a statement of its own. */
    public Check confirm(DSLContext ctx, MerchantAccess.SignedInMerchant m, String code, AuditContext audit) {
        Object[] binds = new Object[9];
        System.arraycopy(audit.settings(), 0, binds, 0, 5);
        binds[5] = m.merchantId();
        binds[6] = code;
        binds[7] = m.tenantId();
        binds[8] = m.merchantId();
        List<Redemption> confirmed = RedemptionRepository.fetchWithNames(ctx, CONFIRM, binds);
        if (!confirmed.isEmpty()) {
            confirmedCodes.increment();
            return new Check("confirmed_now", confirmed.get(0));
        }
        return classify(m, redemptions.findByCodeForMerchant(ctx, code));
    }

    /**
     * The confirmation in one statement, so one round trip: the actor for the audit trigger
     * (transaction-local settings; the trigger fires at the end of the statement, after the
     * update has read them), the conditional update, and the confirmed row with what a
     * merchant's answer shows.
     */
    private static final String CONFIRM = "WITH actor AS MATERIALIZED (" + AuditContext.SET_CONFIG + "), "
            + "confirmed AS (UPDATE rewards.user_redemptions r SET redemption_status = 'confirmed', validated_by_merchant_id = ?, "
            + "validated_at = now(), updated_at = now() "
            + "FROM rewards.redemption_offers o, actor "
            + "WHERE r.redemption_code = ? AND r.tenant_id = ? AND r.redemption_status = 'pending' AND r.code_expires_at > now() "
            + "AND o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id AND (o.merchant_id IS NULL OR o.merchant_id = ?) "
            + "RETURNING r.*) "
            + RedemptionRepository.FOR_MERCHANT + "FROM confirmed r" + RedemptionRepository.OFFER;

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
