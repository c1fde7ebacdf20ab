package dev.mostrador.rewards.ledger;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;

import java.util.List;
import java.util.UUID;

/** The rewards' part of a customer's timeline: each lümis movement of the ledger (earned, redeemed, refunded, adjusted). */
public final class CustomerLumisTimeline implements CustomerTimeline {
    private final LedgerRepository ledger;

    public CustomerLumisTimeline(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** The customer's latest ledger rows, read once for the lümis panel and the timeline. */
    static List<LedgerEntry> ledger(Context ctx, LedgerRepository ledger, long customerId, int limit) {
        UUID tenantId = Web.user(ctx).tenantId();
        return RequestMemo.firstRows(ctx, "ledger.customer:" + customerId, limit, Math.max(LedgerView.LIST_ROWS, ROWS),
                n -> ledger.forCustomer(tenantId, customerId, n));
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        return ledger(ctx, ledger, customer.id(), limit).stream()
                .map(e -> new Entry(e.createdAt(), "lumis", m.t("crm.timeline.lumis", e.amount(), e.reason()), null)).toList();
    }
}
