package dev.mostrador.visits;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.List;

/** The visits' part of a customer's timeline: each visit, planned or with its outcome (a vendedor sees their own, as on the panel). */
final class VisitCustomerTimeline implements CustomerTimeline {
    private final DSLContext dsl;

    VisitCustomerTimeline(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The customer's latest visits the reader may see (a vendedor: their own), read once for the panel and the timeline. */
    static List<Visita> visits(Context ctx, DSLContext dsl, long customerId, int limit) {
        return RequestMemo.firstRows(ctx, read(ctx, dsl, customerId), limit);
    }

    static RequestMemo.Read<Visita> read(Context ctx, DSLContext dsl, long customerId) {
        CurrentUser me = Web.user(ctx);
        Long only = VisitService.seesEveryone(me) ? null : me.userId();
        return new RequestMemo.Read<>(dsl, "visits.customer:" + customerId, ROWS,
                n -> VisitRepository.forCustomerQuery(me.tenantId(), customerId, only, n));
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, read(ctx, dsl, customerId));
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        return visits(ctx, dsl, customer.id(), limit).stream()
                .map(v -> new Entry(v.done() && v.doneAt() != null ? v.doneAt() : v.plannedAt(), "visit", m.t("crm.timeline.visit", v.vendedorName(),
                        v.outcome() == null ? m.t("vis.status.planned") : m.t("vis.outcome." + v.outcome())), "/visitas/" + v.id()))
                .toList();
    }
}
