package dev.mostrador.rewards;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies of the rewards API, with seed 001's column names. */
public final class RewardsJson {
    private RewardsJson() {}

    public static Map<String, Object> offer(RewardOffer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offer_id", o.id());
        m.put("name_friendly", o.name());
        m.put("description", o.description());
        m.put("offer_category", o.category());
        m.put("lumis_cost", o.lumisCost());
        m.put("stock_quantity", o.stock());
        m.put("merchant_id", o.merchantId());
        m.put("merchant_name", o.merchantName());
        m.put("is_active", o.active());
        m.put("valid_from", o.validFrom());
        m.put("valid_to", o.validTo());
        m.put("code_lifetime_hours", o.codeLifetimeHours());
        return m;
    }

    public static Map<String, Object> merchant(Merchant x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchant_id", x.id());
        m.put("merchant_name", x.name());
        m.put("merchant_type", x.type());
        m.put("contact_email", x.email());
        m.put("contact_phone", x.phone());
        m.put("webhook_url", x.webhookUrl());
        m.put("is_active", x.active());
        m.put("api_key_prefix", x.keyPrefix());
        m.put("total_redemptions", x.totalRedemptions());
        m.put("total_lumis_redeemed", x.totalLumisRedeemed());
        m.put("created_at", x.createdAt());
        return m;
    }

    public static Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("lumis_balance", c.balance());
        m.put("created_at", c.createdAt());
        return m;
    }

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

    public static Map<String, Object> ledger(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("amount", e.amount());
        m.put("kind", e.kind());
        m.put("reason", e.reason());
        m.put("redemption_id", e.redemptionId());
        m.put("created_at", e.createdAt());
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
}
