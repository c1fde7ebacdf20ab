package dev.mostrador.rewards.offers;

import java.util.LinkedHashMap;
import java.util.Map;

/** A reward offer in the rewards API, with seed 001's column names. */
public final class OfferJson {
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

    private OfferJson() {}
}
