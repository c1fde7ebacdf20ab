package dev.mostrador.rewards.redemptions;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A redemption with what its pages and API show about the offer and merchant. */
public record Redemption(UUID id, UUID tenantId, long customerId, String customerName, UUID offerId, String offerName, UUID offerMerchantId,
                         String offerMerchantName, int lumisSpent, String code, String status, UUID validatedBy,
                         String validatedByName, OffsetDateTime validatedAt, OffsetDateTime expiresAt, OffsetDateTime createdAt,
                         String qrLandingUrl, String qrImageUrl) {

    public String displayCode() {
        return Codes.display(code);
    }

    public boolean pending() {
        return "pending".equals(status);
    }
}
