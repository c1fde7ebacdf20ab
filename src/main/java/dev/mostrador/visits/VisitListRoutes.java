package dev.mostrador.visits;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists of visits: "Mis visitas de hoy" (the vendedor on the road), a day or a week (a vendedor
 * sees their own, admin and oficina everyone's or one vendedor's), and the per-vendedor summary of a
 * date range with its CSV.
 */
public final class VisitListRoutes {
    static final Role[] OFFICE = {Role.ADMIN, Role.OFICINA};
    private static final int MAX_ROWS = 2000;
    /** The longest range the summary adds up. */
    static final int MAX_RANGE_DAYS = 731;

    /** Which days a list shows: {@code from} to {@code to} inclusive, and whether as a week. */
    public record VisitPeriod(LocalDate day, boolean week, LocalDate from, LocalDate to) {
        public LocalDate previous() {
            return week ? day.minusWeeks(1) : day.minusDays(1);
        }

        public LocalDate next() {
            return week ? day.plusWeeks(1) : day.plusDays(1);
        }
    }

    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;

    VisitListRoutes(DSLContext dsl, Web web, Templates templates) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
    }

    public void register(Routes routes) {
        routes.get(VisitRoutes.BASE, this::list, Role.STAFF)
                .get(VisitRoutes.BASE + "/hoy", this::today, Role.STAFF)
                .get(VisitRoutes.BASE + "/resumen", this::summary, OFFICE)
                .get(VisitRoutes.BASE + "/resumen.csv", this::summaryCsv, OFFICE);
    }

    /** The signed-in user's visits of today in time order, each with the customer's last outcome before today. */
    private void today(Context ctx) {
        CurrentUser me = Web.user(ctx);
        ZoneId zone = me.tenant().zone();
        LocalDate today = LocalDate.now(zone);
        VisitRepository visits = new VisitRepository(dsl);
        OffsetDateTime from = start(today, zone);
        List<Visita> day = visits.between(me.tenantId(), me.userId(), null, from, start(today.plusDays(1), zone), MAX_ROWS);
        var last = visits.lastOutcomes(me.tenantId(), day.stream().map(Visita::customerId).distinct().toList(), from);
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, templates.visitsToday(web.page(ctx), day, last));
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ZoneId zone = me.tenant().zone();
        FieldErrors errors = new FieldErrors();
        LocalDate day = dayParam(ctx, "dia", LocalDate.now(zone), m, errors);
        boolean week = "semana".equals(ctx.queryParam("vista"));
        VisitPeriod period = week ? new VisitPeriod(day, true, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))) : new VisitPeriod(day, false, day, day);
        Long vendedor = vendedorFilter(ctx, me, m, errors);
        VisitRepository visits = new VisitRepository(dsl);
        List<Visita> rows = visits.between(me.tenantId(), vendedor, null, start(period.from(), zone), start(period.to().plusDays(1), zone), MAX_ROWS);
        List<VisitRepository.VisitVendedor> vendedores = VisitService.seesEveryone(me) ? visits.vendedores(me.tenantId()) : List.of();
        web.render(ctx, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT,
                templates.visitsList(web.page(ctx), period, rows, vendedor, vendedores, errors));
    }

    private void summary(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        FieldErrors errors = new FieldErrors();
        Range range = range(ctx, me, m, errors);
        Long vendedor = vendedorFilter(ctx, me, m, errors);
        VisitRepository visits = new VisitRepository(dsl);
        VisitSummary summary = VisitSummary.of(visits.summary(me.tenantId(), vendedor, start(range.from, me.tenant().zone()),
                start(range.to.plusDays(1), me.tenant().zone())));
        String query = "desde=" + range.from + "&hasta=" + range.to + (vendedor == null ? "" : "&vendedor=" + vendedor);
        web.render(ctx, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, templates.visitsSummary(web.page(ctx),
                range.from.toString(), range.to.toString(), vendedor, visits.vendedores(me.tenantId()), summary, query, errors));
    }

    /** The summary's table as on screen; a bad filter answers the page with its error (422), not a file. */
    private void summaryCsv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        FieldErrors errors = new FieldErrors();
        Range range = range(ctx, me, m, errors);
        Long vendedor = vendedorFilter(ctx, me, m, errors);
        if (!errors.isEmpty()) {
            summary(ctx);
            return;
        }
        VisitSummary s = VisitSummary.of(new VisitRepository(dsl).summary(me.tenantId(), vendedor, start(range.from, me.tenant().zone()),
                start(range.to.plusDays(1), me.tenant().zone())));
        List<String> header = new ArrayList<>(List.of(m.t("vis.vendedor"), m.t("vis.sum.planned"), m.t("vis.sum.done")));
        VisitOutcomes.ALL.forEach(o -> header.add(m.t("vis.outcome." + o)));
        header.add(m.t("vis.sum.conversion"));
        CsvExport.send(ctx, me.tenant(), "visitas-resumen", header, csv -> {
            for (VisitSummary.Row r : s.rows()) row(csv, r.vendedor(), r);
            row(csv, m.t("vis.sum.total"), s.total());
        });
    }

    private static void row(CsvExport csv, String name, VisitSummary.Row r) {
        csv.text(name).number(r.planned()).number(r.done()).number(r.venta()).number(r.sinVenta()).number(r.noEstaba()).number(r.reprogramar());
        if (r.conversion() == null) csv.text("");
        else csv.number(r.conversion());
        csv.endRow();
    }

    private record Range(LocalDate from, LocalDate to) {}

    /** desde–hasta, inclusive; the last 30 days by default. */
    private static Range range(Context ctx, CurrentUser me, Messages m, FieldErrors errors) {
        LocalDate today = LocalDate.now(me.tenant().zone());
        LocalDate from = dayParam(ctx, "desde", today.minusDays(29), m, errors);
        LocalDate to = dayParam(ctx, "hasta", today, m, errors);
        if (to.isBefore(from)) {
            errors.add("hasta", m.t("vis.v.range_order"));
            to = from;
        } else if (to.isAfter(from.plusDays(MAX_RANGE_DAYS))) {
            errors.add("hasta", m.t("vis.v.range_long", MAX_RANGE_DAYS));
            to = from.plusDays(MAX_RANGE_DAYS);
        }
        return new Range(from, to);
    }

    /** A day parameter: absent means {@code fallback}; malformed is an error naming it (and the fallback meanwhile). */
    static LocalDate dayParam(Context ctx, String name, LocalDate fallback, Messages m, FieldErrors errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        LocalDate d = VisitPlanInput.day(raw.trim());
        if (d == null) {
            errors.add(name, m.t("vis.v.fecha_invalid"));
            return fallback;
        }
        return d;
    }

    /** A vendedor sees their own visits only; admin and oficina pick one (or everyone). */
    private static Long vendedorFilter(Context ctx, CurrentUser me, Messages m, FieldErrors errors) {
        if (!VisitService.seesEveryone(me)) return me.userId();
        String raw = ctx.queryParam("vendedor");
        if (raw == null || raw.isBlank()) return null;
        Long id = VisitPlanInput.id(raw.trim());
        if (id == null) errors.add("vendedor", m.t("vis.v.vendedor_unknown"));
        return id;
    }

    static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
