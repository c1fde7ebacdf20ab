package dev.mostrador.inventory;

import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /inventario shows exactly this tenant's stock: seed 003's sums, the value at list price in the
 * tenant's money, the reservations, the products below their minimum, the rankings and today's bars;
 * another tenant's rows never count, and every staff role may read it.
 */
class InventoryDashboardTest {
    private static final Pattern FIGURE = Pattern.compile("data-testid=\"inv-([a-z-]+)\"><span class=\"figure-value[^\"]*\">([^<]*)</span>");
    private static final StockLedger LEDGER = new StockLedger();
    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final OffsetDateTime TEN_DAYS_AGO = LocalDate.now(ZONE).minusDays(10).atTime(12, 0).atZone(ZONE).toOffsetDateTime();
    private static Fixtures.TestTenant t;
    private static long galletas, cafe, te;

    @BeforeAll
    static void data() {
        t = Fixtures.tenant();
        fill(t.id());
        fill(Fixtures.tenant().id()); // the same rows in another tenant: never counted here
    }

    private static void fill(UUID tenant) {
        DSLContext dsl = TestDatabase.get().dsl();
        long[] ids = {product(dsl, tenant, "GALL-1", "Galletas", "1990", 0), product(dsl, tenant, "CAFE-1", "Café", "4500", 50),
                product(dsl, tenant, "TE-1", "Té verde", "1000", 14)};
        galletas = ids[0];
        cafe = ids[1];
        te = ids[2];
        Reservations reservations = new Reservations(LEDGER, dev.mostrador.platform.metrics.BusinessEvents.NONE);
        dsl.transaction(cfg -> {
            LEDGER.append(cfg.dsl(), tenant, null, List.of(Movimiento.entrada(ids[0], 100, null), Movimiento.entrada(ids[1], 40, null),
                    Movimiento.entrada(ids[2], 10, null),
                    new Movimiento(ids[0], StockMotivo.VENTA, 0, 0, 7, null, null), new Movimiento(ids[1], StockMotivo.VENTA, 0, 0, 3, null, null)));
        });
        // Days before today: an entrada 10 days ago counts in the chart; a sale 40 days ago is outside every 30-day figure.
        dsl.execute("INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total, created_at) VALUES (?, ?, 'entrada', 5, ?::timestamptz)",
                tenant, ids[2], TEN_DAYS_AGO);
        dsl.execute("INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_vendido, created_at) VALUES (?, ?, 'venta', 10, ?::timestamptz)",
                tenant, ids[1], TEN_DAYS_AGO.minusDays(30));
        // One reservation due within 5 minutes, counted among the active ones and those about to expire.
        dsl.execute("UPDATE tenants SET reserva_ttl_minutos = 3 WHERE id = ?", tenant);
        dsl.transaction(cfg -> reservations.reserve(cfg.dsl(), tenant, java.util.Map.of(ids[2], 2), null, null));
    }

    private static long product(DSLContext dsl, UUID tenant, String sku, String name, String price, int minimum) {
        return ((Number) dsl.fetchValue("INSERT INTO productos (tenant_id, sku, nombre, precio, stock_minimo) VALUES (?, ?, ?, ?::numeric, ?) RETURNING id",
                tenant, sku, name, price, minimum)).longValue();
    }

    @Test
    void showsTheTenantsFigures() {
        String html = page(t.admin());
        // 155 entered; 20 sold; 2 reserved; 133 available, worth 93 × 1990 + 27 × 4500 + 13 × 1000.
        assertEquals("155", figure(html, "total"));
        assertEquals("2", figure(html, "reservado"));
        assertEquals("20", figure(html, "vendido"));
        assertEquals("133", figure(html, "disponible"));
        assertEquals("$ 319.570", figure(html, "valor"));
        assertEquals("1", figure(html, "reservas"));
        assertEquals("1", figure(html, "por-vencer"));
        assertEquals("2", figure(html, "bajo-minimo"));
        String below = html.substring(html.indexOf("data-testid=\"inv-below\""));
        assertTrue(below.indexOf("CAFE-1") < below.indexOf("TE-1"), "furthest below its minimum first");
        assertTrue(below.contains("href=\"/productos?q=CAFE-1&estado=todos\""), below);
        assertFalse(below.substring(0, below.indexOf("</table>")).contains("GALL-1"));
        String sold = html.substring(html.indexOf("data-testid=\"inv-top-sold\""));
        assertTrue(sold.indexOf("Galletas") < sold.indexOf("Café"), "most sold in 30 days first (Café's 10 of 40 days ago do not count)");
        String reserved = html.substring(html.indexOf("data-testid=\"inv-top-reserved\""));
        assertTrue(reserved.substring(0, reserved.indexOf("</table>")).contains("Té verde"));
        assertTrue(html.contains("Entraron 155 unidades en los últimos 30 días"), "today's and 10 days ago's entries in the chart");
        assertTrue(html.contains("Se vendieron 10 unidades en los últimos 30 días"), "not the sale of 40 days ago");
        String day = TEN_DAYS_AGO.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.tenant().javaLocale()));
        assertTrue(html.contains("<tr><td>" + day + "</td><td class=\"num\">5</td></tr>"), "the entrada on its day: " + day);
    }

    @Test
    void everyStaffRoleReadsItFromTheMenu() {
        for (Role role : Role.STAFF) {
            Browser b = new Browser().signedIn(t.emailFor(role));
            assertTrue(b.get("/dashboard").body().contains("href=\"/inventario\""), role + " sees the menu entry");
            assertEquals(200, b.get("/inventario").statusCode(), role.code());
        }
        assertEquals(303, new Browser().get("/inventario").statusCode(), "signed out: to the login");
    }

    private static String page(String email) {
        HttpResponse<String> r = new Browser().signedIn(email).get("/inventario");
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String figure(String html, String id) {
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(id)) return m.group(2).replace('\u00a0', ' ');
        }
        throw new AssertionError("no figure " + id);
    }
}
