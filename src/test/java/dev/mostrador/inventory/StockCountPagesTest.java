package dev.mostrador.inventory;

import dev.mostrador.support.Browser;
import dev.mostrador.support.StockOpsData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The count pages: start, enter by SKU, review (with what moved), apply once; discard after a confirmation page. */
class StockCountPagesTest {

    private static String sku(StockOpsData d, long id) {
        return d.admin.get("/api/productos/" + id).json().get("sku").asText();
    }

    private static long start(Browser b) {
        HttpResponse<String> started = b.post("/inventario/conteos", Map.of("nota", "Pasillo 3"));
        assertEquals(303, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aCountIsEnteredBySkuReviewedAndAppliedOnce() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("PCA", 10);
        long b = d.conStock("PCB", 2);
        Browser oficina = new Browser().signedIn(d.tenant.oficina());
        long conteo = start(oficina);
        String base = "/inventario/conteos/" + conteo;

        HttpResponse<String> unknown = oficina.post(base + "/lineas", Map.of("sku", "NADA", "contado", "3"));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("id=\"sku-error\"") && unknown.body().contains("value=\"3\""));
        HttpResponse<String> fraction = oficina.post(base + "/lineas", Map.of("sku", sku(d, a), "contado", "2.5"));
        assertEquals(422, fraction.statusCode());
        assertTrue(fraction.body().contains("id=\"contado-error\""));

        assertEquals(303, oficina.post(base + "/lineas", Map.of("sku", sku(d, a), "contado", "9")).statusCode());
        assertEquals(303, oficina.post(base + "/lineas", Map.of("sku", sku(d, b), "contado", "2")).statusCode());
        String page = oficina.get(base).body();
        assertTrue(page.contains("Guardado: " + sku(d, b) + " → 2."), page);
        assertTrue(page.contains("data-testid=\"count-lines\""));
        assertTrue(oficina.get(base + "?q=" + sku(d, a)).body().contains(sku(d, a)));
        assertFalse(oficina.get(base + "?q=" + sku(d, a)).body().contains(sku(d, b) + "</code>"), "search by SKU narrows the lines");

        d.admin.post("/api/inventario/entradas", Map.of("producto_id", b, "cantidad", 1));
        String review = oficina.get(base + "/aplicar").body();
        assertTrue(review.contains("data-testid=\"moved-warning\"") && review.contains(sku(d, b) + ": en almacén 2 al contar, 3 ahora."), review);

        HttpResponse<String> applied = oficina.post(base + "/aplicar", Map.of("confirmar", "1"));
        assertEquals(303, applied.statusCode());
        assertTrue(oficina.get(base).body().contains("Conteo #" + conteo + " aplicado."));
        assertArrayEquals(new int[] {9, 0, 0, 0}, d.counters(a));
        assertArrayEquals(new int[] {2, 0, 0, 0}, d.counters(b));

        HttpResponse<String> again = oficina.post(base + "/aplicar", Map.of("confirmar", "1"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("El conteo ya está Aplicado"), again.body());
        assertEquals(409, oficina.post(base + "/lineas", Map.of("sku", sku(d, a), "contado", "1")).statusCode());
        assertArrayEquals(new int[] {9, 0, 0, 0}, d.counters(a));
        d.assertNoDrift();
    }

    @Test
    void aCountShortOfReservedUnitsIsRefusedAndADiscardAsksFirst() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("PCR", 5);
        d.reserve(a, 4);
        Browser admin = new Browser().signedIn(d.tenant.admin());
        long conteo = start(admin);
        String base = "/inventario/conteos/" + conteo;
        admin.post(base + "/lineas", Map.of("sku", sku(d, a), "contado", "1"));
        HttpResponse<String> refused = admin.post(base + "/aplicar", Map.of("confirmar", "1"));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains(sku(d, a) + ": contadas 1, reservadas 4."), refused.body());
        assertArrayEquals(new int[] {5, 4, 0, 0}, d.counters(a));

        assertTrue(admin.get(base + "/descartar").body().contains("data-testid=\"confirm-discard\""));
        assertEquals(303, admin.post(base + "/descartar", Map.of()).statusCode());
        assertTrue(admin.get("/inventario/conteos").body().contains("Descartado"));
        assertArrayEquals(new int[] {5, 4, 0, 0}, d.counters(a));
        d.assertNoDrift();
    }
}
