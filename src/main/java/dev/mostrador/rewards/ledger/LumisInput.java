package dev.mostrador.rewards.ledger;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** Lümis credited or debited by hand on the customer's page: direction, amount and a required reason. */
public record LumisInput(String direction, String amount, String reason) {
    public static final int MAX = 1_000_000;

    public static LumisInput blank() {
        return new LumisInput("credit", "", "");
    }

    public static LumisInput fromForm(Context ctx) {
        return new LumisInput("debit".equals(ctx.formParam("direction")) ? "debit" : "credit",
                RewardsPages.trim(ctx.formParam("amount")), RewardsPages.trim(ctx.formParam("reason")));
    }

    public boolean debit() {
        return "debit".equals(direction);
    }

    public FieldErrors validate(Messages m) {
        FieldErrors e = new FieldErrors();
        Integer n = RewardsPages.whole(amount);
        if (amount.isEmpty()) e.add("amount", m.t("validation.required", m.t("rw.lumis.amount")));
        else if (n == null || n < 1 || n > MAX) e.add("amount", m.t("rw.lumis.amount_range", MAX));
        if (reason.isEmpty()) e.add("reason", m.t("validation.required", m.t("rw.lumis.reason")));
        else if (reason.length() > 500) e.add("reason", m.t("validation.max_length", m.t("rw.lumis.reason"), 500));
        return e;
    }

    /** The ledger row's amount: positive for a credit ("earn"), negative for a debit ("adjust"). */
    public int signedAmount() {
        int n = Integer.parseInt(amount.trim());
        return debit() ? -n : n;
    }

    public String kind() {
        return debit() ? "adjust" : "earn";
    }
}
