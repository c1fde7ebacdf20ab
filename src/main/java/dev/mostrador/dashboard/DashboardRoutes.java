package dev.mostrador.dashboard;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.promotions.OfertaRows;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The landing page after login: the banner of active ofertas, the day's and week's figures (each a
 * link to the list filtered to exactly that set) and 30-day charts. A figure shows only to those
 * who may open its list: lümis to admin and oficina, scheduled ofertas to admins.
 */
public final class DashboardRoutes {
    private final Web web;
    private final Templates templates;
    private final ActiveOfertaCache active;
    private final OfertaRows rows;
    private final DashboardRepository figures;

    public DashboardRoutes(Web web, Templates templates, ActiveOfertaCache active, OfertaRows rows, DashboardRepository figures) {
        this.web = web;
        this.templates = templates;
        this.active = active;
        this.rows = rows;
        this.figures = figures;
    }

    public void register(Routes routes) {
        routes.get("/", ctx -> ctx.redirect(Web.user(ctx) != null ? "/dashboard" : "/login", HttpStatus.SEE_OTHER))
                .get("/dashboard", this::dashboard, Role.STAFF)
                .get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
    }

    private void dashboard(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        DashboardPeriods p = DashboardPeriods.at(me.tenant().zone(), ZonedDateTime.now());
        boolean lumis = me.role() != Role.VENDEDOR;
        DashboardRepository.Figures f = figures.figures(me.tenantId(), p, lumis, me.isAdmin(), lumis);
        Map<LocalDate, long[]> perDay = figures.perDay(me.tenantId(), p.zone(), p.chartFirst(), p.today());
        List<BarChart> charts = List.of(DashboardCharts.of(perDay, 0, m, me.tenant().javaLocale()),
                DashboardCharts.of(perDay, 1, m, me.tenant().javaLocale()));
        web.render(ctx, templates.dashboardIndex(web.page(ctx),
                rows.of(me.tenant(), active.now(me.tenant()).ofertas(), OffsetDateTime.now()), figureList(f, p, m, new Format(me.tenant()), me.tenant().javaLocale()), charts));
    }

    static List<DashboardFigure> figureList(DashboardRepository.Figures f, DashboardPeriods p, Messages m, Format format, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String today = p.today().format(day);
        String week = m.t("dashboard.between", p.monday().format(day), p.sunday().format(day));
        String next = m.t("dashboard.between", today, p.windowLast().format(day));
        String t = p.today().toString();
        List<DashboardFigure> list = new ArrayList<>();
        if (f.pedidosToday() != null) {
            // The sales report of today: the same orders, so the figure and the report agree.
            String report = "/reportes/ventas?desde=" + t + "&hasta=" + t;
            list.add(new DashboardFigure("pedidos-today", m.t("sales.dash.pedidos_hoy"), format.number(f.pedidosToday()), report, today));
            list.add(new DashboardFigure("sales-today", m.t("sales.dash.ventas_hoy"), format.money(f.salesToday()), report, today));
        }
        list.add(new DashboardFigure("redemptions-today", m.t("dashboard.fig.redemptions_today"), format.number(f.redemptionsToday()),
                "/recompensas/canjes?from=" + t + "&to=" + t, today));
        list.add(new DashboardFigure("confirmations-today", m.t("dashboard.fig.confirmations_today"), format.number(f.confirmationsToday()),
                "/recompensas/canjes?date=confirmed&from=" + t + "&to=" + t, today));
        String weekRange = "&from=" + p.monday() + "&to=" + p.sunday();
        if (f.lumisIssued() != null) {
            list.add(new DashboardFigure("lumis-issued", m.t("dashboard.fig.lumis_issued"), format.number(f.lumisIssued()),
                    "/recompensas/movimientos?kind=earn" + weekRange, week));
            list.add(new DashboardFigure("lumis-spent", m.t("dashboard.fig.lumis_spent"), format.number(f.lumisSpent()),
                    "/recompensas/movimientos?kind=redeem" + weekRange, week));
        }
        if (f.ofertasStarting() != null) {
            list.add(new DashboardFigure("ofertas-starting", m.t("dashboard.fig.ofertas_starting"), format.number(f.ofertasStarting()),
                    "/ofertas?estado=programada&empieza_hasta=" + p.windowLast(), next));
        }
        list.add(new DashboardFigure("ofertas-ending", m.t("dashboard.fig.ofertas_ending"), format.number(f.ofertasEnding()),
                "/ofertas?estado=activa&termina_hasta=" + p.windowLast(), next));
        list.add(new DashboardFigure("productos-sin-precio", m.t("dashboard.fig.productos_sin_precio"), format.number(f.productosSinPrecio()),
                "/productos?sin_precio=1", m.t("dashboard.fig.productos_sin_precio_note")));
        return list;
    }
}
