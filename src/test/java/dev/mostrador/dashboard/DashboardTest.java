package dev.mostrador.dashboard;

import dev.mostrador.sales.SalesRows;
import dev.mostrador.sales.SalesRows.Line;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each figure counts exactly the rows made here, on both sides of each boundary of the tenant's
 * day, week and next seven days; its link opens a list showing the same number; another tenant's
 * rows never count; each role sees only what it may open; the charts have 30 days.
 */
class DashboardTest {
    private static final Pattern REDEMPTION_ROW = Pattern.compile("class=\"code-link\"");
    private static final Pattern HEADING_COUNT = Pattern.compile("<h1>[^<(]*\\((\\d+)\\)</h1>");
    private static final Pattern CHART_ROW = Pattern.compile("<tr><td>([^<]*)</td><td class=\"num\">([^<]*)</td></tr>");

    private static Fixtures.TestTenant t;
    private static ZoneId zone;
    private static LocalDate today;

    @BeforeAll
    static void data() {
        t = Fixtures.tenant();
        zone = t.tenant().zone();
        today = LocalDate.now(zone);
        fill(t.id());
        fill(Fixtures.tenant().id()); // the same rows in another tenant: never counted here
    }

    /** Two of each figure's rows inside its period, and rows just outside it that must not count. */
    private static void fill(UUID tenant) {
        OffsetDateTime day = at(today), tomorrow = at(today.plusDays(1)), now = OffsetDateTime.now();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime week = at(monday), nextWeek = at(monday.plusDays(7)), windowEnd = at(today.plusDays(7));
        long customer = dsl().fetchOne("INSERT INTO customers (tenant_id, name) VALUES (?::uuid, 'Cliente') RETURNING id", tenant).get(0, Long.class);
        UUID offer = dsl().fetchOne("INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, lumis_cost) VALUES (?::uuid, 'Café', 10) "
                + "RETURNING offer_id", tenant).get(0, UUID.class);
        UUID first = redemption(tenant, customer, offer, day, null);                                    // today, at 00:00
        redemption(tenant, customer, offer, tomorrow.minusSeconds(1), tomorrow.minusSeconds(1));        // today 23:59:59, confirmed then
        redemption(tenant, customer, offer, day.minusMinutes(1), day.plusSeconds(10));                  // yesterday 23:59, confirmed today
        redemption(tenant, customer, offer, tomorrow, null);                                            // tomorrow
        UUID old = redemption(tenant, customer, offer, day.minusNanos(1000), day.minusNanos(1000));     // yesterday's last instant

        ledger(tenant, customer, 100, "earn", null, week);
        ledger(tenant, customer, 50, "earn", null, nextWeek.minusSeconds(1));
        ledger(tenant, customer, 7, "earn", null, week.minusSeconds(1));
        ledger(tenant, customer, 9, "earn", null, nextWeek);
        ledger(tenant, customer, -30, "redeem", first, week.plusHours(1));
        ledger(tenant, customer, -5, "redeem", old, week.minusSeconds(1));
        ledger(tenant, customer, 4, "adjust", null, week.plusHours(2));

        oferta(tenant, true, now.plusHours(1), now.plusDays(30));              // starts within the 7 days
        oferta(tenant, true, windowEnd.minusMinutes(1), now.plusDays(30));     // starts on the 7th day
        oferta(tenant, true, windowEnd, now.plusDays(30));                     // starts on the 8th: no
        oferta(tenant, false, now.plusHours(1), now.plusDays(30));             // not activa: no
        oferta(tenant, true, now.minusDays(1), now.plusHours(1));              // running, ends today
        oferta(tenant, true, now.minusDays(1), windowEnd.minusMinutes(1));     // running, ends on the 7th day
        oferta(tenant, true, now.minusDays(1), windowEnd);                     // ends on the 8th: no
        oferta(tenant, true, now.minusDays(3), now.minusDays(1));              // already ended: no

        producto(tenant, "A", "0", true);
        producto(tenant, "B", "0", true);
        producto(tenant, "C", "0", false);
        producto(tenant, "D", "10", true);

        long user = ((Number) dsl().fetchValue("SELECT min(id) FROM users WHERE tenant_id = ?", tenant)).longValue();
        long cafe = SalesRows.product(tenant, "PED-CAFE", "Café", "1000");
        SalesRows.pedido(tenant, day, "entregado", user, customer, Line.plain(cafe, 1, "1000"));                    // today, at 00:00
        SalesRows.pedido(tenant, tomorrow.minusSeconds(1), "confirmado", user, null, Line.plain(cafe, 3, "1000"));  // today 23:59:59
        SalesRows.pedido(tenant, day.plusHours(1), "cancelado", user, null, Line.plain(cafe, 5, "1000"));          // cancelled: no
        SalesRows.pedido(tenant, day.plusHours(2), "devuelto", user, null, Line.plain(cafe, 7, "1000"));           // returned: no
        SalesRows.pedido(tenant, day.minusNanos(1000), "entregado", user, null, Line.plain(cafe, 9, "1000"));      // yesterday: no
        SalesRows.pedido(tenant, tomorrow, "confirmado", user, null, Line.plain(cafe, 11, "1000"));                // tomorrow: no
    }

    @Test
    void eachFigureCountsExactlyItsRowsAndItsLinkShowsTheSame() {
        Browser admin = new Browser().signedIn(t.admin());
        String page = admin.get("/dashboard").body();

        assertEquals("2", value(page, "redemptions-today"), "00:00 and 23:59:59 today; not yesterday 23:59 nor tomorrow 00:00");
        assertEquals(2, count(admin, REDEMPTION_ROW, href(page, "redemptions-today")));
        assertEquals("2", value(page, "confirmations-today"), "confirmed today, whenever created");
        assertEquals(2, count(admin, REDEMPTION_ROW, href(page, "confirmations-today")));

        assertEquals("150", value(page, "lumis-issued"), "Monday 00:00 to Sunday 23:59:59");
        String issued = admin.get(href(page, "lumis-issued")).body();
        assertEquals(2, rows(issued, "data-testid=\"ledger-row\""));
        assertTrue(issued.contains("+150 lümis"), "the list's total");
        assertEquals("30", value(page, "lumis-spent"));
        String spent = admin.get(href(page, "lumis-spent")).body();
        assertEquals(1, rows(spent, "data-testid=\"ledger-row\""));
        assertTrue(spent.contains("−30 lümis"), "the list's total");

        assertEquals("2", value(page, "ofertas-starting"));
        assertEquals(2, count(admin, HEADING_COUNT, href(page, "ofertas-starting")));
        assertEquals("2", value(page, "ofertas-ending"));
        assertEquals(2, count(admin, HEADING_COUNT, href(page, "ofertas-ending")));
        assertEquals("2", value(page, "productos-sin-precio"), "active ones priced 0");
        assertEquals(2, count(admin, HEADING_COUNT, href(page, "productos-sin-precio")));
    }

    @Test
    void todaysOrdersAndSalesLinkToTheSalesReportOfToday() {
        Browser admin = new Browser().signedIn(t.admin());
        String page = admin.get("/dashboard").body();
        assertEquals("2", value(page, "pedidos-today"), "sold today 00:00 and 23:59:59; not cancelled, returned, yesterday nor tomorrow");
        assertEquals("$ 4.000", value(page, "sales-today").replace('\u00a0', ' '));
        assertEquals("/reportes/ventas?desde=" + today + "&hasta=" + today, href(page, "pedidos-today"));
        String report = admin.get(href(page, "sales-today")).body();
        assertTrue(report.contains("data-testid=\"sales-pedidos\"><span class=\"figure-value\">2</span>"), "the report counts the same orders");
        assertTrue(report.contains("$ 4.000"));
        String oficina = new Browser().signedIn(t.oficina()).get("/dashboard").body();
        assertEquals("2", value(oficina, "pedidos-today"));
        String vendedor = new Browser().signedIn(t.vendedor()).get("/dashboard").body();
        assertFalse(vendedor.contains("fig-pedidos-today") || vendedor.contains("fig-sales-today"), "the report is admin's and oficina's");
    }

    @Test
    void aVendedorSeesOnlyWhatTheyMayOpen() {
        Browser vendedor = new Browser().signedIn(t.vendedor());
        String page = vendedor.get("/dashboard").body();
        assertFalse(page.contains("fig-lumis-issued") || page.contains("fig-lumis-spent"), "the program's economics");
        assertFalse(page.contains("fig-ofertas-starting"), "scheduled ofertas are the admin's");
        assertEquals(403, vendedor.get("/recompensas/movimientos?kind=earn").statusCode());
        assertEquals("2", value(page, "redemptions-today"));
        assertEquals("2", value(page, "ofertas-ending"));
        assertEquals(2, count(vendedor, HEADING_COUNT, href(page, "ofertas-ending")), "the list a vendedor gets shows the same");

        String oficina = new Browser().signedIn(t.oficina()).get("/dashboard").body();
        assertEquals("150", value(oficina, "lumis-issued"));
        assertFalse(oficina.contains("fig-ofertas-starting"));
    }

    @Test
    void theChartsHaveThirtyDaysEndingToday() {
        String page = new Browser().signedIn(t.admin()).get("/dashboard").body();
        List<String[]> rows = new ArrayList<>();
        Matcher m = CHART_ROW.matcher(page);
        while (m.find()) rows.add(new String[] {m.group(1), m.group(2)});
        assertEquals(60, rows.size(), "two charts of 30 days");
        // Redemptions created: 2 today, 2 yesterday (tomorrow's is not in the chart); confirmations: 2 today, 1 yesterday.
        assertEquals("2", rows.get(29)[1]);
        assertEquals("2", rows.get(28)[1]);
        assertEquals("2", rows.get(59)[1]);
        assertEquals("1", rows.get(58)[1]);
        assertEquals(rows.get(29)[0], rows.get(59)[0], "both end today");
        long others = rows.stream().filter(r -> !r[1].equals("0")).count();
        assertEquals(4, others, "no other day has any");
    }

    @Test
    void theDashboardFitsADesktopAndAPhoneAndItsFiguresAreLinks() {
        Chromium.assumeInstalled();
        ChromeDriver browser = Chromium.fresh();
        Chromium.desktop();
        ChromiumUser.signIn(t.admin());
        Chromium.screenshotFullPage("dashboard-desktop");
        assertEquals(0, Chromium.horizontalOverflow(), "wider than 1280 px");
        Chromium.phone();
        Chromium.screenshotFullPage("dashboard-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "wider than a phone");
        Chromium.clickAndWait(By.cssSelector("[data-testid=fig-confirmations-today]"));
        assertEquals(2, browser.findElements(By.cssSelector("[data-testid=redemptions-table] tbody tr")).size());
        Chromium.screenshotFullPage("dashboard-confirmations-today-phone");
        Chromium.desktop();
    }

    /** A CONCURRENTLY build that fails leaves an invalid index behind, which no query ever uses. */
    @Test
    void theDashboardIndexesAreBuiltAndValid() {
        List<String> valid = dsl().fetch("SELECT c.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                + "WHERE x.indisvalid AND x.indisready AND c.relname IN ('idx_redemptions_validated', 'fact_accumulations_kind_created_idx', "
                + "'ofertas_desde_idx', 'productos_sin_precio_idx') ORDER BY 1").getValues(0, String.class);
        assertEquals(List.of("fact_accumulations_kind_created_idx", "idx_redemptions_validated", "ofertas_desde_idx", "productos_sin_precio_idx"), valid);
        assertEquals(Boolean.TRUE, dsl().fetchValue("SELECT success FROM flyway_schema_history WHERE description = 'dashboard indexes'"));
    }

    private static String value(String page, String id) {
        Matcher m = Pattern.compile("data-testid=\"fig-" + id + "\">\\s*<span class=\"figure-value\">([^<]*)</span>").matcher(page);
        assertTrue(m.find(), "figure " + id);
        return m.group(1);
    }

    private static String href(String page, String id) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\" data-testid=\"fig-" + id + "\"").matcher(page);
        assertTrue(m.find(), "figure " + id);
        return m.group(1).replace("&amp;", "&");
    }

    /** Rows of a list (a pattern per row), or the count in its heading (a pattern with a group). */
    private static int count(Browser browser, Pattern pattern, String url) {
        var response = browser.get(url);
        assertEquals(200, response.statusCode(), url);
        Matcher m = pattern.matcher(response.body());
        if (pattern.matcher("").groupCount() > 0) {
            assertTrue(m.find(), "a count in the heading of " + url);
            return Integer.parseInt(m.group(1));
        }
        return (int) m.results().count();
    }

    private static int rows(String body, String marker) {
        return body.split(Pattern.quote(marker), -1).length - 1;
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    private static UUID redemption(UUID tenant, long customer, UUID offer, OffsetDateTime created, OffsetDateTime confirmed) {
        return dsl().fetchOne("INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, redemption_status, "
                        + "validated_at, code_expires_at, created_at) VALUES (?::uuid, ?, ?::uuid, 10, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz) RETURNING redemption_id",
                tenant, customer, offer, "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(),
                confirmed == null ? "pending" : "confirmed", confirmed, created.plusDays(3), created).get(0, UUID.class);
    }

    private static void ledger(UUID tenant, long customer, int amount, String kind, UUID redemption, OffsetDateTime at) {
        dsl().execute("INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, redemption_id, created_at) "
                + "VALUES (?::uuid, ?, ?, ?, 'prueba', ?::uuid, ?::timestamptz)", tenant, customer, amount, kind, redemption, at);
    }

    private static void oferta(UUID tenant, boolean activa, OffsetDateTime desde, OffsetDateTime hasta) {
        dsl().execute("INSERT INTO ofertas (tenant_id, titulo, desde, hasta, activa, tipo, descuento_porcentaje) VALUES (?::uuid, 'Oferta', ?::timestamptz, ?::timestamptz, ?, 'porcentaje', 10)",
                tenant, desde, hasta, activa);
    }

    private static void producto(UUID tenant, String sku, String precio, boolean activo) {
        dsl().execute("INSERT INTO productos (tenant_id, sku, nombre, precio, activo) VALUES (?::uuid, ?, ?, ?::numeric, ?)", tenant, sku, "Producto " + sku, precio, activo);
    }
}
