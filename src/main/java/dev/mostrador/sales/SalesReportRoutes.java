package dev.mostrador.sales;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code /reportes/ventas}: sales of a range of days per day or week, per product, vendedor,
 * customer and oferta, for admin and oficina. Each table downloads as CSV from
 * {@code /reportes/ventas.csv?tabla=…} with the same range.
 */
public final class SalesReportRoutes {
    public static final String PATH = "/reportes/ventas";
    static final Role[] READERS = {Role.ADMIN, Role.OFICINA};

    private final Web web;
    private final Templates templates;
    private final SalesReports reports;

    public SalesReportRoutes(Web web, Templates templates, SalesReports reports) {
        this.web = web;
        this.templates = templates;
        this.reports = reports;
    }

    public void register(Routes routes) {
        routes.get(PATH, this::show, READERS).get(PATH + ".csv", this::csv, READERS);
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        SalesRange range = SalesRange.of(ctx, LocalDate.now(me.tenant().zone()));
        SalesReports.Report report = reports.report(me.tenantId(), me.tenant().zone(), range);
        List<BarChart> charts = SalesCharts.of(report, m, new Format(me.tenant()), me.tenant().javaLocale());
        web.render(ctx, templates.salesReport(web.page(ctx), report, charts));
    }

    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        SalesRange range = SalesRange.of(ctx, LocalDate.now(me.tenant().zone()));
        new SalesCsv(reports.repository(), Web.messages(ctx)).send(ctx, me.tenant(), range, ctx.queryParam("tabla"));
    }
}
