package dev.mostrador.rewards.redemptions;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One row of rewards.redemption_audit_log as the pages show it. {@code actorName}: the staff
 * member's or the merchant's name today, when the actor is one of this tenant's;
 * {@code code}: the redemption's code, when the row belongs to one.
 */
public record AuditEntry(long id, String action, String actorType, String actorId, String actorName, String ip, String userAgent,
                         Map<String, Object> metadata, OffsetDateTime at, UUID redemptionId, String code) {

    public String displayCode() {
        return code == null ? null : Codes.display(code);
    }
}
