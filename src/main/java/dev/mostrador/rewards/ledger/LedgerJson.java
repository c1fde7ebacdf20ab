package dev.mostrador.rewards.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/** A lümis ledger row in the rewards API. */
public final class LedgerJson {
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

    private LedgerJson() {}
}
