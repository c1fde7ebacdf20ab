package dev.mostrador.dashboard;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists the dashboard's figures open (unpriced products, ofertas ending soon, redemptions
 * confirmed today) keep their filter in the sort links, the date presets and the CSV link, and
 * the CSV holds exactly the filtered rows.
 */
class FilteredListsTest {

    @Test
    void anEmptyFilteredListSaysSoWithoutAnEmptySearch() {
        var t = Fixtures.tenant();
        dsl().execute("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?::uuid, 'CONP', 'Con precio', 500)", t.id());
        String page = new Browser().signedIn(t.admin()).get("/productos?sin_precio=1").body();
        assertTrue(page.contains("Nada coincide con estos filtros."), page);
        assertTrue(!page.contains("«»"), "no empty quotes");
    }

    @Test
    void unpricedProductsSortAndExportOnlyThemselves() {
        var t = Fixtures.tenant();
        dsl().execute("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?::uuid, 'SINP', 'Sin precio', 0), "
                + "(?::uuid, 'CONP', 'Con precio', 500)", t.id(), t.id());
        Browser admin = new Browser().signedIn(t.admin());
        String page = admin.get("/productos?sin_precio=1").body();
        assertTrue(page.contains("href=\"/productos?sin_precio=1&amp;sort=sku&amp;dir=asc\""), "the sort link keeps sin_precio");
        assertTrue(page.contains("href=\"/productos.csv?sin_precio=1&amp;sort=nombre&amp;dir=asc\""), "the CSV link keeps sin_precio");
        List<String> csv = admin.get("/productos.csv?sin_precio=1&sort=sku&dir=desc").body().lines().toList();
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains(";SINP;Sin precio;0,00;"), csv.get(1));
    }

    @Test
    void ofertasEndingSoonSortAndExportOnlyThemselves() {
        var t = Fixtures.tenant();
        ZoneId zone = t.tenant().zone();
        LocalDate today = LocalDate.now(zone);
        oferta(t.id(), "Termina pronto", at(today.minusDays(5), zone), at(today.plusDays(3), zone));
        oferta(t.id(), "Termina después", at(today.minusDays(5), zone), at(today.plusDays(60), zone));
        Browser admin = new Browser().signedIn(t.admin());
        String window = "termina_desde=" + today + "&termina_hasta=" + today.plusDays(7);
        String page = admin.get("/ofertas?" + window).body();
        String kept = "termina_desde=" + today + "&amp;termina_hasta=" + today.plusDays(7);
        assertTrue(page.contains("href=\"/ofertas?" + kept + "&amp;sort=titulo&amp;dir=asc\""), "the sort link keeps the window");
        assertTrue(page.contains("href=\"/ofertas.csv?" + kept + "&amp;sort="), "the CSV link keeps the window");
        assertTrue(page.contains("name=\"termina_hasta\" value=\"" + today.plusDays(7) + "\""), "the filter form keeps it too");
        List<String> csv = admin.get("/ofertas.csv?" + window + "&sort=titulo&dir=desc").body().lines().toList();
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains(";Termina pronto;"), csv.get(1));
    }

    @Test
    void redemptionsConfirmedTodaySortAndExportOnlyThemselves() {
        var t = Fixtures.tenant();
        ZoneId zone = t.tenant().zone();
        LocalDate today = LocalDate.now(zone);
        long customer = dsl().fetchOne("INSERT INTO customers (tenant_id, name) VALUES (?::uuid, 'Cliente') RETURNING id", t.id()).get(0, Long.class);
        UUID offer = dsl().fetchOne("INSERT INTO rewards.redemption_offers (tenant_id, name_friendly, lumis_cost) VALUES (?::uuid, 'Café', 10) "
                + "RETURNING offer_id", t.id()).get(0, UUID.class);
        redemption(t.id(), customer, offer, at(today.minusDays(1), zone).plusHours(10), at(today, zone).plusMinutes(5));
        redemption(t.id(), customer, offer, at(today, zone).plusMinutes(1), null);
        Browser admin = new Browser().signedIn(t.admin());
        String day = "from=" + today + "&to=" + today;
        String page = admin.get("/recompensas/canjes?date=confirmed&" + day).body();
        assertTrue(page.contains("href=\"/recompensas/canjes?from=" + today + "&amp;to=" + today + "&amp;date=confirmed&amp;sort=created&amp;dir=asc\""),
                "the sort link keeps date=confirmed");
        assertTrue(page.contains("href=\"/recompensas/canjes.csv?from=" + today + "&amp;to=" + today + "&amp;date=confirmed&amp;sort=created"),
                "the CSV link keeps date=confirmed");
        assertTrue(page.contains("date=confirmed&amp;sort=created&amp;dir=desc\" data-testid=\"list.preset.week\""), "the presets keep it");
        List<String> csv = admin.get("/recompensas/canjes.csv?date=confirmed&" + day + "&sort=created&dir=asc").body().lines().toList();
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith(today.minusDays(1) + " 10:00;") && csv.get(1).contains(";Canjeado;"),
                "the one created yesterday and confirmed today: " + csv.get(1));
        assertEquals(2, admin.get("/recompensas/canjes.csv?" + day).body().lines().count(), "by creation, today's is the pending one");
    }

    private static void oferta(UUID tenant, String titulo, OffsetDateTime desde, OffsetDateTime hasta) {
        dsl().execute("INSERT INTO ofertas (tenant_id, titulo, desde, hasta, activa, tipo, descuento_porcentaje) "
                + "VALUES (?::uuid, ?, ?::timestamptz, ?::timestamptz, true, 'porcentaje', 10)", tenant, titulo, desde, hasta);
    }

    private static void redemption(UUID tenant, long customer, UUID offer, OffsetDateTime created, OffsetDateTime confirmed) {
        dsl().execute("INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, redemption_status, "
                        + "validated_at, code_expires_at, created_at) VALUES (?::uuid, ?, ?::uuid, 10, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)",
                tenant, customer, offer, "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(), confirmed == null ? "pending" : "confirmed", confirmed, created.plusDays(3), created);
    }

    private static OffsetDateTime at(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }
}
