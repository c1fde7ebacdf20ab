package dev.mostrador.rewards;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.List;

/** Clientes: every staff member looks them up; admins and oficina create and edit them. */
final class CustomerRoutes {
    static final String BASE = "/recompensas/clientes";
    private static final int PAGE_SIZE = 25;

    private final Web web;
    private final Templates templates;
    private final CustomerRepository customers;
    private final RedemptionRepository redemptions;

    CustomerRoutes(RewardsModule rewards) {
        this.web = rewards.web();
        this.templates = rewards.templates();
        this.customers = rewards.customers();
        this.redemptions = rewards.redemptions();
    }

    void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .get(BASE + ".csv", this::csv, Role.STAFF)
                .get(BASE + "/new", ctx -> form(ctx, null, CustomerInput.blank(), FieldErrors.none(), HttpStatus.OK), RewardsPages.WRITERS)
                .post(BASE, this::create, RewardsPages.WRITERS)
                .get(BASE + "/{id}", ctx -> show(ctx, load(ctx), LumisInput.blank(), FieldErrors.none(), HttpStatus.OK), Role.STAFF)
                .get(BASE + "/{id}/edit", ctx -> {
                    Customer c = load(ctx);
                    form(ctx, c.id(), CustomerInput.of(c), FieldErrors.none(), HttpStatus.OK);
                }, RewardsPages.WRITERS)
                .post(BASE + "/{id}", this::update, RewardsPages.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = RewardsPages.query(ctx, "q");
        ListSort sort = ListSort.of(ctx, CustomerRepository.SORTS.keySet(), CustomerRepository.DEFAULT_SORT);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, customers.count(me.tenantId(), q));
        web.render(ctx, templates.rewardsCustomersList(web.page(ctx), customers.search(me.tenantId(), q, sort, PAGE_SIZE, paging.offset()), q,
                paging, ListLinks.of(ctx, BASE, sort, "q")));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = ListSort.of(ctx, CustomerRepository.SORTS.keySet(), CustomerRepository.DEFAULT_SORT);
        CsvExport.send(ctx, me.tenant(), "clientes", List.of("id", m.t("rw.customers.name"), m.t("rw.customers.email"),
                m.t("rw.customers.phone"), m.t("rw.customers.balance")), csv -> customers.each(me.tenantId(), RewardsPages.query(ctx, "q"), sort, c -> {
                    csv.number(c.id()).text(c.name()).text(c.email()).text(c.phone()).number(c.balance());
                    csv.endRow();
                }));
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        CustomerInput input = CustomerInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, null);
        if (!errors.isEmpty()) {
            form(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        long id = customers.create(me.tenantId(), input.name(), input.email(), input.phone());
        web.redirectWithFlash(ctx, BASE + "/" + id, Web.messages(ctx).t("rw.customers.created", input.name()));
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        CustomerInput input = CustomerInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, id);
        if (!errors.isEmpty()) {
            form(ctx, id, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        customers.update(me.tenantId(), id, input.name(), input.email(), input.phone());
        web.redirectWithFlash(ctx, BASE + "/" + id, Web.messages(ctx).t("rw.customers.updated", input.name()));
    }

    /** The customer's page: balance, ledger, redemptions and the lümis form (with its errors after a 422). */
    void show(Context ctx, Customer c, LumisInput lumis, FieldErrors errors, HttpStatus status) {
        CurrentUser me = Web.user(ctx);
        web.render(ctx, status, templates.rewardsCustomersShow(web.page(ctx), c, customers.ledger(me.tenantId(), c.id(), RewardsView.LIST_ROWS),
                redemptions.forCustomer(me.tenantId(), c.id(), RewardsView.LIST_ROWS), lumis, errors));
    }

    private FieldErrors check(Context ctx, CustomerInput input, Long id) {
        Messages m = Web.messages(ctx);
        FieldErrors errors = input.validate(m);
        if (!errors.has("email") && customers.emailTaken(Web.user(ctx).tenantId(), input.email(), id)) {
            errors.add("email", m.t("rw.customers.email_taken"));
        }
        return errors;
    }

    Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, Long id, CustomerInput input, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.rewardsCustomersForm(web.page(ctx), id, input, errors));
    }
}
