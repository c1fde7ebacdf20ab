package dev.mostrador.rewards.redemptions;

import java.util.LinkedHashMap;
import java.util.Map;

/** Redemptions in the rewards API, with seed 001's column names. */
public final class RedemptionJson {
    public static Map<String, Object> redemption(Redemption r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("redemption_id", r.id());
        m.put("user_id", r.customerId());
        m.put("offer_id", r.offerId());
        m.put("offer_name", r.offerName());
        m.put("lumis_spent", r.lumisSpent());
        m.put("redemption_code", r.code());
        m.put("redemption_code_display", r.displayCode());
        m.put("qr_image_url", r.qrImageUrl());
        m.put("qr_landing_url", r.qrLandingUrl());
        m.put("redemption_status", r.status());
        m.put("validated_by_merchant_id", r.validatedBy());
        m.put("validated_at", r.validatedAt());
        m.put("code_expires_at", r.expiresAt());
        m.put("created_at", r.createdAt());
        return m;
    }

    /** One row of a redemption's audit trail, with the audit log's column names. */
    public static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action());
        m.put("actor_type", e.actorType());
        m.put("actor_id", e.actorId());
        m.put("ip_address", e.ip());
        m.put("user_agent", e.userAgent());
        m.put("metadata", e.metadata());
        m.put("created_at", e.at());
        return m;
    }

    /** What a merchant sees of a code: the offer and its state, nothing about the customer. */
    public static Map<String, Object> forMerchant(Confirmations.Check check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", check.verdict());
        Redemption r = check.redemption();
        if (r != null) {
            m.put("redemption_code", r.code());
            m.put("offer_name", r.offerName());
            m.put("lumis_spent", r.lumisSpent());
            m.put("redemption_status", r.status());
            m.put("validated_at", r.validatedAt());
            m.put("code_expires_at", r.expiresAt());
        }
        return m;
    }

    private RedemptionJson() {}
}
