package dev.mostrador.customers;

import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

/** Wires customers (issue 14): their pages, list, interests and API; other features' parts come in through {@link #pages}. */
public final class CustomersModule {
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final CustomerRepository customers;
    private final CustomerProfiles profiles;
    private final InterestRepository interests;
    private final CustomerQuery query;
    private final IdempotentApi api;

    public CustomersModule(DSLContext dsl, Web web, Templates templates, CustomerRepository customers, IdempotentApi api) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.customers = customers;
        this.profiles = new CustomerProfiles(dsl);
        this.interests = new InterestRepository(dsl);
        this.query = new CustomerQuery(dsl);
        this.api = api;
    }

    /** The customer's page and form, with what other features add to the page and its timeline. */
    public CustomerRoutes pages(CustomerPageParts parts, CustomerTimeline timeline) {
        return new CustomerRoutes(web, templates, customers, query, profiles, interests, parts, timeline);
    }

    /** The customers' own timeline entries: creation and edits. */
    public CustomerTimeline history() {
        return new CustomerHistory(dsl);
    }

    public void register(Routes routes, CustomerRoutes pages) {
        new CustomerApi(customers, profiles, query, api).register(routes);
        new CustomerListRoutes(web, templates, query, profiles, interests).register(routes);
        new InterestRoutes(web, templates, interests).register(routes);
        pages.register(routes);
    }
}
