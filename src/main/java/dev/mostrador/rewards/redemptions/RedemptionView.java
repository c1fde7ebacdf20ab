package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.PageContext;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Badges and small texts of the redemptions' pages, so templates stay free of logic. */
public final class RedemptionView {

    public static String statusBadge(String status) {
        return switch (status) {
            case "pending" -> "badge-info";
            case "confirmed" -> "badge-ok";
            case "cancelled" -> "badge-danger";
            default -> "badge-off";
        };
    }

    /** How long a pending code has left ("2 d 5 h", "45 min"), or that it is past its time. */
    public static String timeLeft(PageContext page, Redemption r) {
        if (!r.pending()) return "";
        Duration left = Duration.between(OffsetDateTime.now(), r.expiresAt());
        if (left.isNegative() || left.isZero()) return page.t("rw.time.past");
        long days = left.toDays();
        long hours = left.toHoursPart();
        if (days > 0) return page.t("rw.time.days_hours", days, hours);
        if (hours > 0) return page.t("rw.time.hours_minutes", hours, left.toMinutesPart());
        return page.t("rw.time.minutes", Math.max(1, left.toMinutesPart()));
    }

    private RedemptionView() {}
}
