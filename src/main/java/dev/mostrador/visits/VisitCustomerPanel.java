package dev.mostrador.visits;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import org.jooq.DSLContext;

/** The visits' part of a customer's page: "Planificar visita" and the last visits (a vendedor's own only). */
public final class VisitCustomerPanel implements CustomerPageParts {
    static final int LAST_VISITS = 5;
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;

    VisitCustomerPanel(DSLContext dsl, Web web, Templates templates) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
    }

    @Override
    public Parts of(Context ctx, Customer customer) {
        var visits = VisitCustomerTimeline.visits(ctx, dsl, customer.id(), LAST_VISITS);
        var page = web.page(ctx);
        return new Parts(templates.visitsCustomerActions(page, customer.id()), templates.visitsCustomerPanel(page, customer.id(), visits));
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, VisitCustomerTimeline.read(ctx, dsl, customerId));
    }
}
