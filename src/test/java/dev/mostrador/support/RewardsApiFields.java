package dev.mostrador.support;

import java.time.ZoneId;
import java.util.List;

/** The rewards JSON API's field names in the order it writes them (seed 001's names), and its code alphabet. */
public final class RewardsApiFields {
    public static final String BASE = "/api/v1/rewards";
    public static final List<String> CUSTOMER_FIELDS = List.of("id", "name", "email", "phone", "lumis_balance", "created_at",
            "tax_id", "phone_alt", "address", "city", "status", "preferred", "vendedor_id", "notes", "interests", "source", "created_by");
    public static final List<String> OFFER_FIELDS = List.of("offer_id", "name_friendly", "description", "offer_category", "lumis_cost",
            "stock_quantity", "merchant_id", "merchant_name", "is_active", "valid_from", "valid_to", "code_lifetime_hours");
    public static final List<String> MERCHANT_FIELDS = List.of("merchant_id", "merchant_name", "merchant_type", "contact_email", "contact_phone",
            "webhook_url", "is_active", "api_key_prefix", "total_redemptions", "total_lumis_redeemed", "created_at");
    public static final List<String> REDEMPTION_FIELDS = List.of("redemption_id", "user_id", "offer_id", "offer_name", "lumis_spent",
            "redemption_code", "redemption_code_display", "qr_image_url", "qr_landing_url", "redemption_status",
            "validated_by_merchant_id", "validated_at", "code_expires_at", "created_at");
    public static final List<String> MERCHANT_VIEW_FIELDS = List.of("verdict", "redemption_code", "offer_name", "lumis_spent",
            "redemption_status", "validated_at", "code_expires_at");
    public static final List<String> AUDIT_FIELDS = List.of("action", "actor_type", "actor_id", "ip_address", "user_agent", "metadata", "created_at");
    public static final String CROCKFORD = "^[0-9A-HJKMNP-TV-Z]{10}$";
    public static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private RewardsApiFields() {}
}
