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
        return RequestMemo.firstRows(ctx, read(ctx, ledger, customerId), limit);
    }

    static RequestMemo.Read<LedgerEntry> read(Context ctx, LedgerRepository ledger, long customerId) {
        UUID tenantId = Web.user(ctx).tenantId();
        return new RequestMemo.Read<>(ledger.dsl(), "ledger.customer:" + customerId, Math.max(LedgerView.LIST_ROWS, ROWS),
                n -> LedgerRepository.forCustomerQuery(tenantId, customerId, n));
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, read(ctx, ledger, customerId));
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        return ledger(ctx, ledger, customer.id(), limit).stream()
                .map(e -> new Entry(e.createdAt(), "lumis", m.t("crm.timeline.lumis", e.amount(), e.reason()), null)).toList();
    }
}
