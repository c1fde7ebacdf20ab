package dev.mostrador.customers;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** Clientes: every staff member looks them up; admins and oficina create and edit them. The list is CustomerListRoutes'. */
public final class CustomerRoutes {
    public static final String BASE = "/recompensas/clientes";
    /** Who may create and edit customers. */
    public static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    static final int TIMELINE_ROWS = CustomerTimeline.ROWS;

    private final Web web;
    private final Templates templates;
    private final CustomerRepository customers;
    private final CustomerQuery query;
    private final CustomerProfiles profiles;
    private final InterestRepository interests;
    private final CustomerChecks checks;
    private final CustomerPageParts parts;
    private final CustomerTimeline timeline;

    /** {@code parts}, {@code timeline}: what other features add to a customer's page (rewards: lümis, redemptions; orders…). */
    public CustomerRoutes(Web web, Templates templates, CustomerRepository customers, CustomerQuery query, CustomerProfiles profiles, InterestRepository interests,
                          CustomerPageParts parts, CustomerTimeline timeline) {
        this.web = web;
        this.templates = templates;
        this.customers = customers;
        this.query = query;
        this.profiles = profiles;
        this.interests = interests;
        this.checks = new CustomerChecks(customers, profiles);
        this.parts = parts;
        this.timeline = timeline;
    }

    public void register(Routes routes) {
        routes.get(BASE + "/new", ctx -> form(ctx, null, CustomerInput.blank(), FieldErrors.none(), HttpStatus.OK), WRITERS)
                .post(BASE, this::create, WRITERS)
                .get(BASE + "/{id}", this::showOrMerged, Role.STAFF)
                .get(BASE + "/{id}/edit", ctx -> {
                    Customer c = load(ctx);
                    form(ctx, c.id(), CustomerInput.of(c, profile(ctx, c), country(ctx)), FieldErrors.none(), HttpStatus.OK);
                }, WRITERS)
                .post(BASE + "/{id}", this::update, WRITERS);
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        CustomerInput input = CustomerInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, null);
        if (errors.isEmpty()) {
            try {
                long id = profiles.create(me.tenantId(), input, input.taxIdStored(country(ctx)).orElse(null), me.userId());
                web.redirectWithFlash(ctx, BASE + "/" + id, Web.messages(ctx).t("rw.customers.created", input.name()));
                return;
            } catch (CustomerProfiles.Taken e) {
                errors.add(e.field, taken(Web.messages(ctx), e.field));
            }
        }
        form(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        CustomerInput input = CustomerInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, id);
        if (errors.isEmpty()) {
            try {
                profiles.update(me.tenantId(), id, input, input.taxIdStored(country(ctx)).orElse(null), me.userId());
                web.redirectWithFlash(ctx, BASE + "/" + id, Web.messages(ctx).t("rw.customers.updated", input.name()));
                return;
            } catch (CustomerProfiles.Taken e) {
                errors.add(e.field, taken(Web.messages(ctx), e.field));
            }
        }
        form(ctx, id, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    static String taken(Messages m, String field) {
        return m.t("tax_id".equals(field) ? "crm.v.tax_id_taken" : "crm.v.email_taken");
    }

    /** A merged customer's old address says whom it was merged into (still a 404: the customer is gone). */
    private void showOrMerged(Context ctx) {
        long id = PathParams.id(ctx, "id");
        parts.readAhead(ctx, id);
        timeline.readAhead(ctx, id);
        var c = query.one(ctx, Web.user(ctx).tenantId(), id);
        if (c.isPresent()) {
            show(ctx, c.get().customer());
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
        web.render(ctx, status, templates.customersShow(web.page(ctx), c, profile(ctx, c), country(ctx), timeline.entries(ctx, c, TIMELINE_ROWS),
                errors, given.actions(), given.sections()));
    }

    private CustomerProfile profile(Context ctx, Customer c) {
        return query.one(ctx, Web.user(ctx).tenantId(), c.id()).map(CustomerQuery.Row::profile).orElseThrow(NotFoundResponse::new);
    }

    private FieldErrors check(Context ctx, CustomerInput input, Long id) {
        Messages m = Web.messages(ctx);
        return checks.check(Web.user(ctx).tenantId(), country(ctx), input, id, m, input.validate(m, country(ctx)));
    }

    public Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** The tenant's country, which rules its tax ids. */
    static String country(Context ctx) {
        return TaxIds.country(Web.user(ctx).tenant().locale());
    }

    private void form(Context ctx, Long id, CustomerInput input, FieldErrors errors, HttpStatus status) {
        java.util.UUID tenantId = Web.user(ctx).tenantId();
        web.render(ctx, status, templates.customersForm(web.page(ctx), id, input, errors, interests.names(tenantId),
                profiles.vendedores(tenantId), country(ctx)));
    }
}
