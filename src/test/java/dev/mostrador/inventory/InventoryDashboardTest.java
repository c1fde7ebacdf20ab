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
                product(dsl, tenant, "TE-1", "Té verde", "1000", 9)};
        galletas = ids[0];
        cafe = ids[1];
        te = ids[2];
        Reservations reservations = new Reservations(LEDGER);
        dsl.transaction(cfg -> {
            LEDGER.append(cfg.dsl(), tenant, null, List.of(Movimiento.entrada(ids[0], 100, null), Movimiento.entrada(ids[1], 40, null),
                    Movimiento.entrada(ids[2], 10, null),
                    new Movimiento(ids[0], StockMotivo.VENTA, 0, 0, 7, null, null), new Movimiento(ids[1], StockMotivo.VENTA, 0, 0, 3, null, null)));
        });
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
        // total 150 entered; 10 sold; 2 reserved; 138 available, worth 93 × 1990 + 37 × 4500 + 8 × 1000.
        assertEquals("150", figure(html, "total"));
        assertEquals("2", figure(html, "reservado"));
        assertEquals("10", figure(html, "vendido"));
        assertEquals("138", figure(html, "disponible"));
        assertEquals("$ 359.570", figure(html, "valor"));
        assertEquals("1", figure(html, "reservas"));
        assertEquals("1", figure(html, "por-vencer"));
        assertEquals("2", figure(html, "bajo-minimo"));
        String below = html.substring(html.indexOf("data-testid=\"inv-below\""));
        assertTrue(below.indexOf("CAFE-1") < below.indexOf("TE-1"), "furthest below its minimum first");
        assertTrue(below.contains("href=\"/productos?q=CAFE-1&estado=todos\""), below);
        assertFalse(below.substring(0, below.indexOf("</table>")).contains("GALL-1"));
        String sold = html.substring(html.indexOf("data-testid=\"inv-top-sold\""));
        assertTrue(sold.indexOf("Galletas") < sold.indexOf("Café"), "most sold first");
        String reserved = html.substring(html.indexOf("data-testid=\"inv-top-reserved\""));
        assertTrue(reserved.substring(0, reserved.indexOf("</table>")).contains("Té verde"));
        assertTrue(html.contains("Entraron 150 unidades en los últimos 30 días"), "today's entries in the chart");
        assertTrue(html.contains("Se vendieron 10 unidades en los últimos 30 días"));
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
