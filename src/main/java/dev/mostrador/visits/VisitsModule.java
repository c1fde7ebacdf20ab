package dev.mostrador.visits;

import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.inventory.CartService;
import dev.mostrador.inventory.InventoryModule;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

/** Wires visits (issue 14, seed 004's ClientVisit): plan, record, the day on the road, the office's views and summary, the API. */
public final class VisitsModule {
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final Web web;
    private final Templates templates;
    private final VisitService service;

    public VisitsModule(DSLContext dsl, ActiveOfertaCache ofertas, InventoryModule inventory, IdempotentApi api, Web web, Templates templates) {
        this.dsl = dsl;
        this.api = api;
        this.web = web;
        this.templates = templates;
        this.service = new VisitService(new CartService(ofertas, inventory.reservations()));
    }

    /** "Planificar visita" and the last visits on the customer's page. */
    public CustomerPageParts customerPageParts() {
        return new VisitCustomerPanel(dsl, web, templates);
    }

    /** Each visit on the customer's timeline. */
    public CustomerTimeline customerTimeline() {
        return new VisitCustomerTimeline(dsl);
    }

    /** The repository, for a customer timeline to read a customer's visits ({@link VisitRepository#forCustomer}). */
    public VisitRepository repository() {
        return new VisitRepository(dsl);
    }

    public void register(Routes routes) {
        new VisitApi(dsl, api, service).register(routes);
        new VisitListRoutes(dsl, web, templates).register(routes);
        new VisitRoutes(dsl, web, templates, service).register(routes);
    }
}
