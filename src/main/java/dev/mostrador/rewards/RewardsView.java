package dev.mostrador.rewards;

import dev.mostrador.platform.web.PageContext;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Badges and small texts of the rewards pages, so templates stay free of logic. */
public final class RewardsView {
    /** Rows of ledger and redemptions on a customer's page. */
    public static final int LIST_ROWS = 50;

    private RewardsView() {}

    /** activa, agotada, fuera_de_vigencia or inactiva, as of now. */
    public static String offerState(RewardOffer o) {
        OffsetDateTime now = OffsetDateTime.now();
        if (!o.active()) return "inactiva";
        if (now.isBefore(o.validFrom()) || (o.validTo() != null && !now.isBefore(o.validTo()))) return "fuera_de_vigencia";
        if (o.stock() != null && o.stock() <= 0) return "agotada";
        return "activa";
    }

    public static String offerBadge(String state) {
        return switch (state) {
            case "activa" -> "badge-ok";
            case "agotada" -> "badge-danger";
            case "fuera_de_vigencia" -> "badge-warn";
            default -> "badge-off";
        };
    }

    public static String statusBadge(String status) {
        return switch (status) {
            case "pending" -> "badge-info";
            case "confirmed" -> "badge-ok";
            case "cancelled" -> "badge-danger";
            default -> "badge-off";
        };
    }

    public static String kindBadge(String kind) {
        return switch (kind) {
            case "earn" -> "badge-ok";
            case "refund" -> "badge-info";
            case "redeem" -> "badge-warn";
            default -> "badge-off";
        };
    }

    /** "+1.500" or "−300", in the tenant's number format. */
    public static String signed(PageContext page, long amount) {
        return (amount > 0 ? "+" : amount < 0 ? "−" : "") + page.format().number(Math.abs(amount));
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

    /** Where the merchant's staff sign in with the key. */
    public static String merchantFormUrl(String baseUrl) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/comercio";
    }
}
