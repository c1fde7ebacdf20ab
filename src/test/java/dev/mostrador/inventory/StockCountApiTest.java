package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.StockOpsData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Physical counts: entered, reviewed, applied once; moved products warned about; shelves short of reservations refused. */
class StockCountApiTest {

    private static long start(StockOpsData d) {
        Api.Response r = d.oficina.post("/api/inventario/conteos", Map.of("nota", "Bodega 1"));
        assertEquals(201, r.status(), r.json().toString());
        assertEquals("abierto", r.json().get("estado").asText());
        return r.json().get("id").asLong();
    }

    private static Api.Response line(StockOpsData d, long conteo, Object producto, Object contado) {
        return d.oficina.post("/api/inventario/conteos/" + conteo + "/lineas", Map.of("producto_id", producto, "contado", contado));
    }

    @Test
    void applyingSetsEachProductToWhatWasCountedOnce() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("CA", 10);
        long b = d.conStock("CB", 4);
        long c = d.conStock("CC", 7);
        long conteo = start(d);
        assertEquals(200, line(d, conteo, a, 8).status());
        Api.Response lb = line(d, conteo, b, 6);
        assertEquals(4, lb.json().get("en_almacen").asInt());
        assertEquals(2, lb.json().get("delta").asInt());
        assertEquals(200, line(d, conteo, c, 7).status());
        assertEquals(200, line(d, conteo, a, 9).status(), "a second entry corrects the line");

        JsonNode shown = d.vendedor.get("/api/inventario/conteos/" + conteo).json();
        assertEquals(3, shown.get("lineas").size());

        Api.Response applied = d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of());
        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals("aplicado", applied.json().get("estado").asText());
        assertArrayEquals(new int[] {9, 0, 0, 0}, d.counters(a));
        assertArrayEquals(new int[] {6, 0, 0, 0}, d.counters(b));
        assertArrayEquals(new int[] {7, 0, 0, 0}, d.counters(c));
        assertEquals(1, d.movements(c), "no movement for a line that matched");
        JsonNode last = d.admin.get("/api/inventario/productos/" + a + "/movimientos").json().get("items").get(0);
        assertEquals("conteo", last.get("motivo").asText());
        assertEquals(-1, last.get("delta_total").asInt());
        assertEquals(conteo, last.get("documento").get("id").asLong());

        Api.Response twice = d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of("confirmar", true));
        assertEquals(409, twice.status(), twice.json().toString());
        assertTrue(twice.json().get("fields").has("conteo"));
        assertArrayEquals(new int[] {9, 0, 0, 0}, d.counters(a));
        assertEquals(409, line(d, conteo, a, 1).status(), "an applied count takes no more lines");
        assertEquals(409, d.admin.post("/api/inventario/conteos/" + conteo + "/descartar", Map.of()).status());
        d.assertNoDrift();
    }

    @Test
    void productsThatMovedSinceTheirLineAreListedUntilConfirmed() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("MV", 10);
        long b = d.conStock("ST", 3);
        long conteo = start(d);
        line(d, conteo, a, 10);
        line(d, conteo, b, 3);
        assertEquals(201, d.admin.post("/api/inventario/entradas", Map.of("producto_id", a, "cantidad", 5)).status());

        Api.Response warned = d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of());
        assertEquals(409, warned.status(), warned.json().toString());
        assertEquals(1, warned.json().get("lineas").size());
        assertEquals(a, warned.json().get("lineas").get(0).get("producto_id").asLong());
        assertTrue(d.admin.get("/api/inventario/conteos/" + conteo).json().get("lineas").get(0).get("movido").asBoolean());
        assertEquals("abierto", d.admin.get("/api/inventario/conteos/" + conteo).json().get("estado").asText(), "a warning changes nothing");
        assertArrayEquals(new int[] {15, 0, 0, 0}, d.counters(a));

        Api.Response confirmed = d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of("confirmar", true));
        assertEquals(200, confirmed.status(), confirmed.json().toString());
        assertArrayEquals(new int[] {10, 0, 0, 0}, d.counters(a), "counted minus what is in the warehouse now");
        d.assertNoDrift();
    }

    @Test
    void aCountThatLeavesFewerUnitsThanReservedIsRefusedWhole() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("RS", 10);
        long b = d.conStock("OK", 5);
        d.reserve(a, 6);
        long conteo = start(d);
        line(d, conteo, a, 4);
        line(d, conteo, b, 2);
        Api.Response r = d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of("confirmar", true));
        assertEquals(409, r.status(), r.json().toString());
        assertEquals(1, r.json().get("lineas").size());
        assertTrue(r.json().get("lineas").get(0).get("message").asText().contains("6 reserved"), r.json().toString());
        assertArrayEquals(new int[] {10, 6, 0, 0}, d.counters(a));
        assertArrayEquals(new int[] {5, 0, 0, 0}, d.counters(b));
        assertEquals("abierto", d.admin.get("/api/inventario/conteos/" + conteo).json().get("estado").asText());
        d.assertNoDrift();
    }

    @Test
    void badLinesAndOtherTenantsCountsAreRefused() {
        StockOpsData d = StockOpsData.fresh();
        StockOpsData other = StockOpsData.fresh();
        long a = d.conStock("BL", 2);
        long theirs = other.conStock("TH", 2);
        long conteo = start(d);
        for (Object bad : new Object[] {-1, 1.5, 1_000_001, "diez"}) {
            Api.Response r = line(d, conteo, a, bad);
            assertEquals(422, r.status(), () -> bad + ": " + r.json());
            assertTrue(r.json().get("fields").has("contado"));
        }
        assertEquals(200, line(d, conteo, a, 0).status(), "zero is a count: the shelf is empty");
        Api.Response foreign = line(d, conteo, theirs, 1);
        assertEquals(404, foreign.status());
        assertTrue(foreign.json().get("fields").has("producto_id"));
        long theirCount = start(other);
        assertEquals(404, d.admin.get("/api/inventario/conteos/" + theirCount).status());
        assertEquals(404, d.admin.post("/api/inventario/conteos/" + theirCount + "/aplicar", Map.of()).status());
        assertEquals(404, d.admin.post("/api/inventario/conteos/" + theirCount + "/lineas", Map.of("producto_id", theirs, "contado", 1)).status());
        assertEquals(403, d.vendedor.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of()).status());

        Api.Response discarded = d.admin.post("/api/inventario/conteos/" + conteo + "/descartar", Map.of());
        assertEquals(200, discarded.status());
        assertEquals(409, d.admin.post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of()).status());
        assertArrayEquals(new int[] {2, 0, 0, 0}, d.counters(a));
        long empty = start(d);
        Api.Response nothing = d.admin.post("/api/inventario/conteos/" + empty + "/aplicar", Map.of());
        assertEquals(422, nothing.status());
        assertFalse(d.admin.get("/api/inventario/conteos/" + empty).json().get("estado").asText().equals("aplicado"));
        d.assertNoDrift();
        other.assertNoDrift();
    }
}
