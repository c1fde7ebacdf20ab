package dev.mostrador.customers;

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
public final class CustomerRoutes {
    public static final String BASE = "/recompensas/clientes";
    /** Who may create and edit customers. */
    public static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private static final int PAGE_SIZE = 25;

    private final Web web;
    private final Templates templates;
    private final CustomerRepository customers;
    private final CustomerPageParts parts;

    /** {@code parts}: what other features add to a customer's page (rewards: lümis, redemptions). */
    public CustomerRoutes(Web web, Templates templates, CustomerRepository customers, CustomerPageParts parts) {
        this.web = web;
        this.templates = templates;
        this.customers = customers;
        this.parts = parts;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .get(BASE + ".csv", this::csv, Role.STAFF)
                .get(BASE + "/new", ctx -> form(ctx, null, CustomerInput.blank(), FieldErrors.none(), HttpStatus.OK), WRITERS)
                .post(BASE, this::create, WRITERS)
                .get(BASE + "/{id}", this::showOrMerged, Role.STAFF)
                .get(BASE + "/{id}/edit", ctx -> {
                    Customer c = load(ctx);
                    form(ctx, c.id(), CustomerInput.of(c), FieldErrors.none(), HttpStatus.OK);
                }, WRITERS)
                .post(BASE + "/{id}", this::update, WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = query(ctx, "q");
        ListSort sort = ListSort.of(ctx, CustomerRepository.SORTS.keySet(), CustomerRepository.DEFAULT_SORT);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, customers.count(me.tenantId(), q));
        web.render(ctx, templates.customersList(web.page(ctx), customers.search(me.tenantId(), q, sort, PAGE_SIZE, paging.offset()), q,
                paging, ListLinks.of(ctx, BASE, sort, "q")));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = ListSort.of(ctx, CustomerRepository.SORTS.keySet(), CustomerRepository.DEFAULT_SORT);
        CsvExport.send(ctx, me.tenant(), "clientes", List.of("id", m.t("rw.customers.name"), m.t("rw.customers.email"),
                m.t("rw.customers.phone"), m.t("rw.customers.balance")), csv -> customers.each(me.tenantId(), query(ctx, "q"), sort, c -> {
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

    /** A merged customer's old address says whom it was merged into (still a 404: the customer is gone). */
    private void showOrMerged(Context ctx) {
        long id = PathParams.id(ctx, "id");
        var c = customers.find(Web.user(ctx).tenantId(), id);
        if (c.isPresent()) {
            show(ctx, c.get());
            return;
        }
        var merged = CustomerMerges.of(customers.dsl(), Web.user(ctx).tenantId(), id).orElseThrow(NotFoundResponse::new);
        web.render(ctx, HttpStatus.NOT_FOUND, templates.customersMerged(web.page(ctx), id, merged.winnerId(), merged.winnerName()));
    }

    /** The customer's page as another feature's parts draw it by default. */
    public void show(Context ctx, Customer c) {
        show(ctx, c, FieldErrors.none(), parts.of(ctx, c), HttpStatus.OK);
    }

    /** The customer's page with another feature's parts as given (its form after a 422, with {@code errors} summed up on top). */
    public void show(Context ctx, Customer c, FieldErrors errors, CustomerPageParts.Parts given, HttpStatus status) {
        web.render(ctx, status, templates.customersShow(web.page(ctx), c, errors, given.actions(), given.sections()));
    }

    private FieldErrors check(Context ctx, CustomerInput input, Long id) {
        Messages m = Web.messages(ctx);
        FieldErrors errors = input.validate(m);
        if (!errors.has("email") && customers.emailTaken(Web.user(ctx).tenantId(), input.email(), id)) {
            errors.add("email", m.t("rw.customers.email_taken"));
        }
        return errors;
    }

    public Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** A query parameter, trimmed; never null. */
    static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.trim();
    }

    private void form(Context ctx, Long id, CustomerInput input, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.customersForm(web.page(ctx), id, input, errors));
    }
}
