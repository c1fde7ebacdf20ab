package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The merchant portal's answer about a code: its own HTTP status, a title and a sentence, and,
 * when the merchant may see it, the redemption (offer, lümis, state). Nothing about the customer.
 */
public record PortalVerdict(String verdict, int status, String tone, String title, String text, Redemption redemption,
                            CodeStatus state, String lumis) {

    public boolean confirmable() {
        return "pending".equals(verdict) && redemption != null;
    }

    public static PortalVerdict of(Confirmations.Check check, Messages m, ZoneId zone, Format format) {
        Redemption r = check.redemption();
        String v = check.verdict();
        CodeStatus state = r == null ? null : CodeStatus.of(r, m, zone, OffsetDateTime.now());
        String lumis = r == null ? null : format.number(r.lumisSpent());
        String text;
        switch (v) {
            case "confirmed":
                text = r.validatedAt() == null ? m.t("rewards.portal.v.confirmed.text_undated")
                        : m.t("rewards.portal.v.confirmed.text", CodeStatus.day(r.validatedAt(), zone), CodeStatus.time(r.validatedAt(), zone));
                break;
            case "expired":
                text = m.t("rewards.portal.v.expired.text", CodeStatus.day(r.expiresAt(), zone), CodeStatus.time(r.expiresAt(), zone));
                break;
            default:
                text = m.t("rewards.portal.v." + v + ".text");
        }
        return new PortalVerdict(v, status(v), tone(v), m.t("rewards.portal.v." + v + ".title"), text, r, state, lumis);
    }

    /** Too many unknown codes from this merchant or this connection (the guard answered). */
    public static PortalVerdict blocked(Messages m) {
        return new PortalVerdict("blocked", 429, "bad", m.t("rewards.portal.v.blocked.title"), m.t("rewards.portal.v.blocked.text"),
                null, null, null);
    }

    /** The form was sent without a code. */
    public static PortalVerdict empty(Messages m) {
        return new PortalVerdict("empty", 422, "bad", m.t("rewards.portal.v.empty.title"), m.t("rewards.portal.v.empty.text"),
                null, null, null);
    }

    static int status(String verdict) {
        switch (verdict) {
            case "pending":
            case "confirmed_now":
                return 200;
            case "unknown":
                return 404;
            case "other_merchant":
                return 403;
            default:
                return 409; // confirmed, expired, cancelled
        }
    }

    private static String tone(String verdict) {
        switch (verdict) {
            case "pending":
            case "confirmed_now":
                return "ok";
            case "confirmed":
            case "expired":
                return "warn";
            default:
                return "bad";
        }
    }
}
