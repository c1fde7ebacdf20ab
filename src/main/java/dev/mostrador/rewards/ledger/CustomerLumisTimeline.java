package dev.mostrador.rewards.ledger;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;

import java.util.List;

/** The rewards' part of a customer's timeline: each lümis movement of the ledger (earned, redeemed, refunded, adjusted). */
public final class CustomerLumisTimeline implements CustomerTimeline {
    private final LedgerRepository ledger;

    public CustomerLumisTimeline(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        return ledger.forCustomer(Web.user(ctx).tenantId(), customer.id(), limit).stream()
                .map(e -> new Entry(e.createdAt(), "lumis", m.t("crm.timeline.lumis", e.amount(), e.reason()), null)).toList();
    }
}
