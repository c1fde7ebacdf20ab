package dev.mostrador.rewards.ledger;

import dev.mostrador.platform.web.PageContext;

/** Badges and small texts of the lümis pages, so templates stay free of logic. */
public final class LedgerView {
    /** Rows of ledger and redemptions on a customer's page. */
    public static final int LIST_ROWS = 50;

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

    private LedgerView() {}
}
