package dev.mostrador.rewards.offers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reward customers can buy with lümis. {@code stock} null means unlimited. */
public record RewardOffer(UUID id, String name, String description, String category, int lumisCost, Integer stock,
                          UUID merchantId, String merchantName, boolean active, OffsetDateTime validFrom,
                          OffsetDateTime validTo, int codeLifetimeHours) {

    public boolean availableAt(OffsetDateTime now) {
        return active && !now.isBefore(validFrom) && (validTo == null || now.isBefore(validTo)) && (stock == null || stock > 0);
    }
}
