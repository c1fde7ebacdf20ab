package dev.mostrador.inventory.dashboard;

import dev.mostrador.inventory.dashboard.InventoryDashboard.Snapshot;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /inventario}: seed 003's summary of stock, what is short, what moves, for every staff role (it only reads). */
public final class InventoryDashboardRoutes {
    private final Web web;
    private final Templates templates;
    private final InventoryDashboard dashboard;

    public InventoryDashboardRoutes(Web web, Templates templates, InventoryDashboard dashboard) {
        this.web = web;
        this.templates = templates;
        this.dashboard = dashboard;
    }

    public void register(Routes routes) {
        routes.get("/inventario", this::show, Role.STAFF);
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Snapshot s = dashboard.snapshot(me.tenantId(), me.tenant().zone());
        Messages m = Web.messages(ctx);
        Locale locale = me.tenant().javaLocale();
        List<BarChart> charts = List.of(chart(s.perDay(), 0, "entradas", m, locale), chart(s.perDay(), 1, "ventas", m, locale));
        web.render(ctx, templates.inventoryDashboard(web.page(ctx), s, charts));
    }

    /** {@code series} 0 = units in, 1 = units sold. */
    static BarChart chart(Map<LocalDate, long[]> perDay, int series, String name, Messages m, Locale locale) {
        Map<LocalDate, Long> units = new LinkedHashMap<>();
        perDay.forEach((day, values) -> units.put(day, values[series]));
        String key = "inv.dash.chart." + name;
        return BarChart.daily(units, new BarChart.DailyTexts(key + ".title", key + ".none", key + ".summary", "inv.dash.chart.day",
                key + ".value"), m, locale);
    }
}
