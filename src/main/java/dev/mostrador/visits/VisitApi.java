package dev.mostrador.visits;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /api/visitas: the JSON twin of the visits' pages (bearer token; Idempotency-Key on create and on
 * recording an outcome). The same rules: a vendedor lists, reads and records only their own.
 */
public final class VisitApi {
    private static final Messages EN = Messages.of("en");
    private static final String BASE = "/api/visitas";
    private static final int MAX_ROWS = 2000;
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final VisitService service;

    VisitApi(DSLContext dsl, IdempotentApi api, VisitService service) {
        this.dsl = dsl;
        this.api = api;
        this.service = service;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .post(BASE, this::create, Role.STAFF)
                .get(BASE + "/{id}", ctx -> Web.json(ctx, HttpStatus.OK, json(service.find(dsl, Web.user(ctx), PathParams.id(ctx, "id"))
                        .orElseThrow(NotFoundResponse::new), Web.user(ctx).tenant().zone())), Role.STAFF)
                .post(BASE + "/{id}/resultado", this::record, Role.STAFF);
    }

    /** ?desde=&hasta= (days, inclusive; or ?dia=), ?vendedor_id=, ?customer_id=; today by default. */
    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        ZoneId zone = me.tenant().zone();
        FieldErrors errors = new FieldErrors();
        LocalDate day = VisitListRoutes.dayParam(ctx, "dia", LocalDate.now(zone), EN, errors);
        LocalDate from = VisitListRoutes.dayParam(ctx, "desde", day, EN, errors);
        LocalDate to = VisitListRoutes.dayParam(ctx, "hasta", ctx.queryParam("desde") == null ? day : from, EN, errors);
        if (to.isBefore(from)) errors.add("hasta", "must not be before desde");
        else if (to.isAfter(from.plusDays(VisitListRoutes.MAX_RANGE_DAYS))) errors.add("hasta", "at most " + VisitListRoutes.MAX_RANGE_DAYS + " days after desde");
        Long vendedor = idParam(ctx, "vendedor_id", errors);
        Long customer = idParam(ctx, "customer_id", errors);
        if (!VisitService.seesEveryone(me)) {
            if (vendedor != null && vendedor != me.userId()) errors.add("vendedor_id", EN.t("vis.v.vendedor_self"));
            vendedor = me.userId();
        }
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        var rows = new VisitRepository(dsl).between(me.tenantId(), vendedor, customer, VisitListRoutes.start(from, zone),
                VisitListRoutes.start(to.plusDays(1), zone), MAX_ROWS);
        Web.json(ctx, HttpStatus.OK, rows.stream().map(v -> json(v, zone)).toList());
    }

    /** {customer_id, planned_at ("2026-03-04T10:30" in the shop's zone, or with an offset), vendedor_id (optional: me)}. */
    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        ZoneId zone = me.tenant().zone();
        api.idempotent(ctx, me.tenantId(), tx -> {
            FieldErrors errors = new FieldErrors();
            Long customer = json.longValue("customer_id");
            Long vendedor = json.longValue("vendedor_id");
            String at = json.text("planned_at");
            json.errors().forEach(errors::set);
            if (customer == null && !errors.has("customer_id")) errors.add("customer_id", EN.t("vis.v.customer_required"));
            var planned = VisitPlanInput.instant(at, zone);
            if (at == null || at.isBlank()) {
                if (!errors.has("planned_at")) errors.add("planned_at", "is required, as 2026-03-04T10:30 (the shop's time) or with an offset");
            } else if (planned == null) {
                errors.add("planned_at", "must be a date and time such as 2026-03-04T10:30");
            } else if (!VisitPlanInput.withinReach(planned.atZoneSameInstant(zone).toLocalDate(), LocalDate.now(zone))) {
                errors.add("planned_at", EN.t("vis.v.fecha_range", VisitPlanInput.MAX_DAYS_AWAY));
            }
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            try {
                long id = service.plan(tx, me, new VisitService.Plan(customer, vendedor, planned), EN);
                return IdempotentApi.response(201, json(service.find(tx, me, id).orElseThrow(), zone));
            } catch (VisitRefused e) {
                return IdempotentApi.error(e.status, e.status == 404 ? "not_found" : "validation_failed", e.fields);
            }
        });
    }

    /** {outcome, notes, next_action, next_action_date}: another vendedor's visit or another tenant's is 404 before any 422. */
    private void record(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = PathParams.id(ctx, "id");
        Visita v = service.find(dsl, me, id).orElseThrow(NotFoundResponse::new);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        ZoneId zone = me.tenant().zone();
        api.idempotent(ctx, me.tenantId(), tx -> {
            FieldErrors errors = new FieldErrors();
            VisitOutcomeInput input = VisitOutcomeInput.fromJson(json);
            json.errors().forEach(errors::set);
            VisitService.Outcome outcome = input.validate(EN, v.plannedAt().atZoneSameInstant(zone).toLocalDate(), errors);
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            try {
                return IdempotentApi.response(200, json(service.record(tx, me, id, outcome), zone));
            } catch (VisitRefused e) {
                return IdempotentApi.error(e.status, "not_found", e.fields);
            }
        });
    }

    private static Long idParam(Context ctx, String name, FieldErrors errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        Long id = VisitPlanInput.id(raw.trim());
        if (id == null) errors.add(name, "must be a positive whole number");
        return id;
    }

    static Map<String, Object> json(Visita v, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("customer_id", v.customerId());
        m.put("customer_name", v.customerName());
        m.put("vendedor_id", v.vendedorId());
        m.put("vendedor_name", v.vendedorName());
        m.put("planned_at", v.plannedAt().atZoneSameInstant(zone).toOffsetDateTime());
        m.put("status", v.status());
        m.put("outcome", v.outcome());
        m.put("notes", v.notes());
        m.put("next_action", v.nextAction());
        m.put("next_action_date", v.nextActionDate() == null ? null : v.nextActionDate().toString());
        m.put("done_at", v.doneAt());
        m.put("created_at", v.createdAt());
        return m;
    }
}
