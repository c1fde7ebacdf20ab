package dev.mostrador.rewards.merchants;

import java.util.LinkedHashMap;
import java.util.Map;

/** A merchant in the rewards API, with seed 001's column names. */
public final class MerchantJson {
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

    private MerchantJson() {}
}
