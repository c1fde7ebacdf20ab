package dev.mostrador.inventory;

import dev.mostrador.support.Browser;
import dev.mostrador.support.FormData;
import dev.mostrador.support.StockOpsData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entrada and ajuste pages: 422 naming the field with the values kept, flash and 303 when saved. */
class StockPagesTest {

    private static String sku(StockOpsData d, long id) {
        return d.admin.get("/api/productos/" + id).json().get("sku").asText();
    }

    @Test
    void anEntradaByskuLandsOnTheProductPageWithItsCounters() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("PG", 0);
        String sku = sku(d, id);
        Browser oficina = new Browser().signedIn(d.tenant.oficina());
        assertTrue(oficina.get("/inventario/entrada?sku=" + sku).body().contains("value=\"" + sku + "\""));

        HttpResponse<String> unknown = oficina.post("/inventario/entrada", Map.of("sku", "NOPE-" + sku, "cantidad", "7", "nota", "Guía 44"));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("No hay un producto con el SKU «NOPE-" + sku + "»"), unknown.body());
        assertTrue(unknown.body().contains("id=\"sku-error\""));
        assertTrue(unknown.body().contains("value=\"7\"") && unknown.body().contains("Guía 44"), "the values are kept");

        for (String bad : new String[] {"0", "-3", "1,5", "1.5", "1000001", "siete", ""}) {
            HttpResponse<String> r = oficina.post("/inventario/entrada", Map.of("sku", sku, "cantidad", bad, "nota", ""));
            assertEquals(422, r.statusCode(), bad);
            assertTrue(r.body().contains("id=\"cantidad-error\""), bad);
        }
        assertEquals(0, d.movements(id));

        HttpResponse<String> saved = oficina.post("/inventario/entrada", Map.of("sku", sku.toLowerCase(), "cantidad", "7", "nota", ""));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/productos/" + id, saved.headers().firstValue("Location").orElse(""));
        String page = oficina.get("/productos/" + id).body();
        assertTrue(page.contains("Entrada registrada: " + sku + " ahora tiene 7 disponible."), page);
        assertTrue(page.contains("data-testid=\"stock-disponible\">7<"), page);
        assertTrue(page.contains("data-testid=\"movements\""));
        assertTrue(page.contains("data-testid=\"entrada\""), "writers get Entrada and Ajuste");
        d.assertNoDrift();
    }

    @Test
    void anAjusteNeedsItsReasonAndCannotTakeAvailableBelowZero() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("PA", 4);
        d.reserve(id, 3);
        String sku = sku(d, id);
        Browser admin = new Browser().signedIn(d.tenant.admin());
        HttpResponse<String> noReason = admin.post("/inventario/ajuste", Map.of("sku", sku, "cantidad", "-1", "nota", " "));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("id=\"nota-error\""));
        assertTrue(noReason.body().contains("value=\"-1\""));
        HttpResponse<String> zero = admin.post("/inventario/ajuste", Map.of("sku", sku, "cantidad", "0", "nota", "nada"));
        assertEquals(422, zero.statusCode());

        HttpResponse<String> below = admin.post("/inventario/ajuste", Map.of("sku", sku, "cantidad", "-2", "nota", "Merma"));
        assertEquals(409, below.statusCode());
        assertTrue(below.body().contains("disponible 1 (reservado 3)"), below.body());
        assertTrue(below.body().contains("Merma"), "the values are kept");
        assertArrayEquals(new int[] {4, 3, 0, 0}, d.counters(id));

        assertEquals(303, admin.post("/inventario/ajuste", Map.of("sku", sku, "cantidad", "-1", "nota", "Merma")).statusCode());
        assertArrayEquals(new int[] {3, 3, 0, 0}, d.counters(id));
        String page = admin.get("/productos/" + id).body();
        assertTrue(page.contains("data-testid=\"reservations\""), "the pending reservation is listed");
        String all = admin.get("/inventario/movimientos?motivo=ajuste&sku=" + sku).body();
        assertTrue(all.contains("Merma") && all.contains("−1"), all);
        d.assertNoDrift();
    }

    @Test
    void sellersSeeStockButNoStockForms() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("PV", 2);
        Browser vendedor = new Browser().signedIn(d.tenant.vendedor());
        String page = vendedor.get("/productos/" + id).body();
        assertTrue(page.contains("data-testid=\"stock-disponible\">2<"));
        assertFalse(page.contains("data-testid=\"entrada\""));
        assertEquals(403, vendedor.get("/inventario/entrada").statusCode());
        assertEquals(200, vendedor.get("/inventario/movimientos").statusCode());
        assertEquals(200, vendedor.get("/inventario/conteos").statusCode());
    }

    @Test
    void theCatalogListShowsStockFiltersBelowMinimumAndSortsByAvailable() {
        StockOpsData d = StockOpsData.fresh();
        Browser admin = new Browser().signedIn(d.tenant.admin());
        long low = d.conStock("LOW", 2);
        long high = d.conStock("HIGH", 50);
        Map<String, String> form = FormData.producto(sku(d, low), "Bajo", "990");
        form.put("stock_minimo", "5");
        assertEquals(303, admin.post("/productos/" + low, form).statusCode());
        Map<String, String> bad = FormData.producto(sku(d, high), "Alto", "990");
        bad.put("stock_minimo", "1,5");
        HttpResponse<String> refused = admin.post("/productos/" + high, bad);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"stock_minimo-error\"") && refused.body().contains("value=\"1,5\""));
        bad.put("stock_minimo", "-1");
        assertEquals(422, admin.post("/productos/" + high, bad).statusCode());
        bad.put("stock_minimo", "1000001");
        assertEquals(422, admin.post("/productos/" + high, bad).statusCode());
        assertEquals(5, d.admin.get("/api/productos/" + low).json().get("stock_minimo").asInt());

        String filtered = admin.get("/productos?bajo_minimo=1").body();
        assertTrue(filtered.contains(">Bajo<") && !filtered.contains(">Alto<") && filtered.contains("Bajo mínimo"), filtered);
        String sorted = admin.get("/productos?sort=disponible&dir=desc").body();
        assertTrue(sorted.indexOf(sku(d, high)) < sorted.indexOf(sku(d, low)), "most available first");
        assertTrue(sorted.contains("data-testid=\"disponible\">50<"));
        d.assertNoDrift();
    }

    @Test
    void theProductApiEditsTheMinimumButNeverTheCounters() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("API", 3);
        String sku = sku(d, id);
        Map<String, Object> body = Map.of("sku", sku, "nombre", "X", "precio", 10, "stock_minimo", 2, "stock_total", 999, "stock", 999);
        assertEquals(200, d.admin.put("/api/productos/" + id, body).status());
        assertArrayEquals(new int[] {3, 0, 0, 2}, d.counters(id));
        assertEquals(422, d.admin.put("/api/productos/" + id, Map.of("sku", sku, "nombre", "X", "precio", 10, "stock_minimo", 1_000_001)).status());
        assertEquals(422, d.admin.put("/api/productos/" + id, Map.of("sku", sku, "nombre", "X", "precio", 10, "stock_minimo", 0.5)).status());
        assertEquals(200, d.admin.put("/api/productos/" + id, Map.of("sku", sku, "nombre", "X", "precio", 10)).status());
        assertEquals(2, d.counters(id)[3], "without the field the minimum stays");
        d.assertNoDrift();
    }
}
