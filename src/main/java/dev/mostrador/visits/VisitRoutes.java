package dev.mostrador.visits;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerRepository;
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
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit's pages: plan one (customer by search, day and time), see it and record what came of it
 * (the day's big buttons post here too), move it, and start a cart for its customer.
 */
public final class VisitRoutes {
    static final String BASE = "/visitas";
    private static final int PICKER_SIZE = 20;

    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final VisitService service;

    VisitRoutes(DSLContext dsl, Web web, Templates templates, VisitService service) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.service = service;
    }

    /** After the day and list routes: "/visitas/hoy" is not an id. */
    public void register(Routes routes) {
        routes.get(BASE + "/new", ctx -> planForm(ctx, null, VisitPlanInput.fromQuery(ctx), FieldErrors.none(), HttpStatus.OK), Role.STAFF)
                .post(BASE, this::create, Role.STAFF)
                .get(BASE + "/{id}", ctx -> {
                    Visita v = load(ctx);
                    String preset = ctx.queryParam("outcome");
                    show(ctx, v, v.done() ? VisitOutcomeInput.of(v) : VisitOutcomeInput.blank(VisitOutcomes.known(preset) ? preset : ""),
                            FieldErrors.none(), HttpStatus.OK);
                }, Role.STAFF)
                .get(BASE + "/{id}/edit", ctx -> {
                    Visita v = load(ctx);
                    planForm(ctx, v, VisitPlanInput.of(v, Web.user(ctx).tenant().zone()), FieldErrors.none(), HttpStatus.OK);
                }, Role.STAFF)
                .post(BASE + "/{id}", this::update, Role.STAFF)
                .post(BASE + "/{id}/resultado", this::record, Role.STAFF)
                .post(BASE + "/{id}/carrito", this::startCart, Role.STAFF);
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        VisitPlanInput input = VisitPlanInput.fromForm(ctx);
        FieldErrors errors = new FieldErrors();
        VisitService.Plan plan = input.validate(m, me.tenant().zone(), errors);
        if (plan != null) {
            try {
                long id = dsl.transactionResult(cfg -> service.plan(cfg.dsl(), me, plan, m));
                web.redirectWithFlash(ctx, BASE + "/" + id, m.t("vis.planned"));
                return;
            } catch (VisitRefused e) {
                if (e.status == 404) throw new NotFoundResponse();
                e.fields.forEach(errors::add);
            }
        }
        planForm(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Visita v = load(ctx);
        VisitPlanInput input = VisitPlanInput.fromForm(ctx);
        FieldErrors errors = new FieldErrors();
        VisitService.Plan plan = input.validate(m, me.tenant().zone(), errors);
        if (plan != null) {
            try {
                dsl.transaction(cfg -> service.replan(cfg.dsl(), me, v.id(), plan, m));
                web.redirectWithFlash(ctx, BASE + "/" + v.id(), m.t("vis.updated"));
                return;
            } catch (VisitRefused e) {
                if (e.status == 404) throw new NotFoundResponse();
                e.fields.forEach(errors::add);
            }
        }
        planForm(ctx, v, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Records the outcome; "reprogramar" goes on to plan the next visit on the next action's day, at the same time. */
    private void record(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Visita v = load(ctx);
        VisitOutcomeInput input = VisitOutcomeInput.fromForm(ctx);
        FieldErrors errors = new FieldErrors();
        VisitService.Outcome outcome = input.validate(m, v.plannedAt().atZoneSameInstant(me.tenant().zone()).toLocalDate(), errors);
        if (outcome == null) {
            show(ctx, v, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        Visita done = dsl.transactionResult(cfg -> service.record(cfg.dsl(), me, v.id(), outcome));
        String said = m.t("vis.recorded", done.customerName(), m.t("vis.outcome." + done.outcome()));
        if (VisitOutcomes.REPROGRAMAR.equals(done.outcome())) {
            VisitPlanInput next = VisitPlanInput.of(done, me.tenant().zone());
            web.redirectWithFlash(ctx, BASE + "/new?customer_id=" + done.customerId() + "&vendedor_id=" + done.vendedorId()
                    + "&fecha=" + done.nextActionDate() + "&hora=" + next.hora(), said + " " + m.t("vis.plan_next"));
            return;
        }
        String volver = ctx.formParam("volver");
        web.redirectWithFlash(ctx, "hoy".equals(volver) ? BASE + "/hoy" : BASE + "/" + v.id(), said);
    }

    private void startCart(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Visita v;
        try {
            v = service.startCart(dsl, me, PathParams.id(ctx, "id"));
        } catch (VisitRefused e) {
            throw new NotFoundResponse();
        }
        web.redirectWithFlash(ctx, "/carrito", Web.messages(ctx).t("vis.cart_started", v.customerName()));
    }

    private Visita load(Context ctx) {
        return service.find(dsl, Web.user(ctx), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void show(Context ctx, Visita v, VisitOutcomeInput input, FieldErrors errors, HttpStatus status) {
        LocalDate day = v.plannedAt().atZoneSameInstant(Web.user(ctx).tenant().zone()).toLocalDate();
        web.render(ctx, status, templates.visitsShow(web.page(ctx), v, input, errors, day.toString()));
    }

    /** The plan form; the customer picker lists the search's matches, and the chosen customer first. */
    private void planForm(Context ctx, Visita editing, VisitPlanInput input, FieldErrors errors, HttpStatus status) {
        CurrentUser me = Web.user(ctx);
        CustomerRepository customers = new CustomerRepository(dsl);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
        Long chosenId = VisitPlanInput.id(input.customerId());
        Customer chosen = chosenId == null ? null : customers.find(me.tenantId(), chosenId).orElse(null);
        if (chosenId != null && chosen == null && status == HttpStatus.OK) throw new NotFoundResponse();
        List<Customer> matches = customers.search(me.tenantId(), q, PICKER_SIZE, 0).stream()
                .filter(c -> chosen == null || c.id() != chosen.id()).toList();
        List<VisitRepository.VisitVendedor> vendedores = VisitService.seesEveryone(me) ? new VisitRepository(dsl).vendedores(me.tenantId()) : List.of();
        web.render(ctx, status, templates.visitsPlan(web.page(ctx), editing, input, errors, q, chosen, matches, vendedores));
    }
}
