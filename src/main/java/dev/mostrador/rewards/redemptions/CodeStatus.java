package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.Messages;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A code's state in words for the public pages: the badge ("Pendiente", "Canjeado el 23-11-2026 a
 * las 18:05", "Vencido", "Anulado"), and for a pending code the time left and the expiry, all in
 * the tenant's time zone. A pending code past its time reads as expired before the job marks it.
 */
public record CodeStatus(String kind, String word, String badge, String timeLeft, String validUntil) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static CodeStatus of(Redemption r, Messages m, ZoneId zone, OffsetDateTime now) {
        return of(r.status(), r.validatedAt(), r.expiresAt(), m, zone, now);
    }

    public static CodeStatus of(String status, OffsetDateTime validatedAt, OffsetDateTime expiresAt, Messages m, ZoneId zone,
                                OffsetDateTime now) {
        String kind = "pending".equals(status) && !expiresAt.isAfter(now) ? "expired" : status;
        switch (kind) {
            case "pending":
                return new CodeStatus(kind, m.t("rewards.public.status.pending"), "badge-info",
                        m.t("rewards.public.expires_in", timeLeft(Duration.between(now, expiresAt), m)),
                        m.t("rewards.public.valid_until", day(expiresAt, zone), time(expiresAt, zone)));
            case "confirmed":
                return new CodeStatus(kind, redeemedAt(validatedAt, m, zone), "badge-ok", null, null);
            case "expired":
                return new CodeStatus(kind, m.t("rewards.public.status.expired"), "badge-warn", null,
                        m.t("rewards.public.expired_at", day(expiresAt, zone), time(expiresAt, zone)));
            default:
                return new CodeStatus(kind, m.t("rewards.public.status.cancelled"), "badge-danger", null, null);
        }
    }

    public boolean pending() {
        return "pending".equals(kind);
    }

    /** "Canjeado el 23-11-2026 a las 18:05". */
    public static String redeemedAt(Redemption r, Messages m, ZoneId zone) {
        return redeemedAt(r.validatedAt(), m, zone);
    }

    static String redeemedAt(OffsetDateTime validatedAt, Messages m, ZoneId zone) {
        if (validatedAt == null) return m.t("rewards.public.status.confirmed");
        return m.t("rewards.public.status.confirmed_at", day(validatedAt, zone), time(validatedAt, zone));
    }

    /** "2 días 3 h", "5 h 10 min", "7 min": the two largest units, never "0 min". */
    static String timeLeft(Duration left, Messages m) {
        long days = left.toDays();
        int hours = left.toHoursPart();
        int minutes = left.toMinutesPart();
        if (days > 0) {
            String d = m.t("rewards.public.left.days", days);
            return hours == 0 ? d : d + " " + m.t("rewards.public.left.hours", hours);
        }
        if (hours > 0) return m.t("rewards.public.left.hours", hours) + (minutes == 0 ? "" : " " + m.t("rewards.public.left.minutes", minutes));
        return m.t("rewards.public.left.minutes", Math.max(1, minutes));
    }

    static String day(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(DAY);
    }

    static String time(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(TIME);
    }
}
