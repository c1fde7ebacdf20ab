package dev.mostrador.orders;

import dev.mostrador.inventory.CartService;
import dev.mostrador.inventory.InventoryModule;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires orders (issue 13): placement from the cart or by staff, the transitions, their API and pages. */
public final class OrderModule {
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final Web web;
    private final Templates templates;
    private final OrderService service;
    private final OrderTransitions transitions;

    public OrderModule(DSLContext dsl, ActiveOfertaCache ofertas, InventoryModule inventory, IdempotentApi api, Web web, Templates templates,
                       BusinessEvents events) {
        this.dsl = dsl;
        this.api = api;
        this.web = web;
        this.templates = templates;
        this.service = new OrderService(ofertas, inventory.reservations(), new CartService(ofertas, inventory.reservations()), events);
        this.transitions = new OrderTransitions(inventory.ledger(), new OrderLumis(new LedgerRepository(dsl)));
    }

    public void register(Routes routes) {
        new OrderApi(dsl, api, service, transitions).register(routes);
        new OrderRoutes(dsl, web, templates, service, transitions).register(routes);
        new OrderListRoutes(web, templates, new OrderQuery(dsl)).register(routes);
        RepartidorRepository repartidores = new RepartidorRepository(dsl);
        new RepartidorRoutes(web, templates, repartidores).register(routes);
        new RepartidorApi(repartidores, api).register(routes);
        new DeliveryRoutes(web, templates, repartidores, new DeliveryQuery(dsl), new RemitoQuery(dsl)).register(routes);
    }

    /** The latest orders on a customer's page and its timeline. */
    public OrderCustomerParts customerParts() {
        return new OrderCustomerParts(dsl, web, templates);
    }

    /** The list's totals: the log of changes folded into the rollup every 10 s (OrderTotalsJob). */
    public void schedule(Jobs jobs) {
        OrderTotalsJob totals = new OrderTotalsJob(dsl);
        jobs.everyCountingRows("totales-pedidos", Duration.ofSeconds(10), () -> totals.run().folded());
    }
}
