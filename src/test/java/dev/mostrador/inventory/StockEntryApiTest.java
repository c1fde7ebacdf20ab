package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.StockOpsData;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entradas and ajustes over /api/inventario: counters move through the ledger only, bad input changes nothing. */
class StockEntryApiTest {

    @Test
    void anEntradaAddsToTotalAndTheProductJsonShowsTheSeedsFields() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.producto("ENT").get("id").asLong();
        Api.Response r = d.oficina.post("/api/inventario/entradas", Map.of("producto_id", id, "cantidad", 12, "nota", "Factura 991"));
        assertEquals(201, r.status(), r.json().toString());
        assertEquals(12, r.json().get("stock_disponible").asInt());
        JsonNode p = d.vendedor.get("/api/productos/" + id).json();
        assertEquals(12, p.get("stock_total").asInt());
        assertEquals(0, p.get("stock_reservado").asInt());
        assertEquals(0, p.get("stock_vendido").asInt());
        assertEquals(12, p.get("stock_disponible").asInt());
        assertEquals(12, p.get("stock").asInt(), "stock is the legacy name of stock_disponible");
        assertEquals(0, p.get("stock_minimo").asInt());
        JsonNode moves = d.vendedor.get("/api/inventario/productos/" + id + "/movimientos").json().get("items");
        assertEquals(1, moves.size());
        assertEquals("entrada", moves.get(0).get("motivo").asText());
        assertEquals(12, moves.get(0).get("delta_total").asInt());
        assertEquals("Factura 991", moves.get(0).get("nota").asText());
        assertEquals("Óscar Oficina", moves.get(0).get("actor").asText());
        d.assertNoDrift();
    }

    @Test
    void anEntradaRepeatedWithItsIdempotencyKeyCountsOnce() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.producto("IDEM").get("id").asLong();
        Map<String, Object> body = Map.of("producto_id", id, "cantidad", 5);
        assertEquals(201, d.admin.post("/api/inventario/entradas", body, "entrada-1").status());
        Api.Response again = d.admin.post("/api/inventario/entradas", body, "entrada-1");
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(5, d.counters(id)[0]);
        d.assertNoDrift();
    }

    @Test
    void badQuantitiesAreRefusedNamingTheFieldAndChangeNothing() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("BAD", 3);
        for (Object bad : new Object[] {0, -1, 1.5, 1_000_001, "abc", "", Long.MAX_VALUE}) {
            Api.Response r = d.admin.post("/api/inventario/entradas", Map.of("producto_id", id, "cantidad", bad));
            assertEquals(422, r.status(), () -> bad + ": " + r.json());
            assertTrue(r.json().get("fields").has("cantidad"), () -> bad + ": " + r.json());
        }
        Map<String, Object> missing = new HashMap<>(Map.of("producto_id", id));
        assertEquals(422, d.admin.post("/api/inventario/entradas", missing).status());
        for (Object bad : new Object[] {0, 1.5, 1_000_001, -1_000_001, "tres"}) {
            Api.Response r = d.admin.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", bad, "nota", "rotura"));
            assertEquals(422, r.status(), () -> "ajuste " + bad + ": " + r.json());
            assertTrue(r.json().get("fields").has("cantidad"));
        }
        Api.Response textId = d.admin.post("/api/inventario/entradas", Map.of("producto_id", "x", "cantidad", 1));
        assertEquals(422, textId.status());
        assertTrue(textId.json().get("fields").has("producto_id"));
        assertArrayEquals(new int[] {3, 0, 0, 0}, d.counters(id));
        assertEquals(1, d.movements(id));
        d.assertNoDrift();
    }

    @Test
    void anAjusteNeedsAReasonAndMayRemoveUnits() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("AJ", 10);
        Api.Response noReason = d.oficina.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", -2));
        assertEquals(422, noReason.status());
        assertTrue(noReason.json().get("fields").has("nota"));
        Api.Response blank = d.oficina.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", -2, "nota", "   "));
        assertEquals(422, blank.status());
        Api.Response ok = d.oficina.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", -2, "nota", "Dos rotas"));
        assertEquals(201, ok.status(), ok.json().toString());
        assertEquals(8, ok.json().get("stock_total").asInt());
        JsonNode last = d.admin.get("/api/inventario/productos/" + id + "/movimientos").json().get("items").get(0);
        assertEquals("ajuste", last.get("motivo").asText());
        assertEquals(-2, last.get("delta_total").asInt());
        d.assertNoDrift();
    }

    @Test
    void anAjusteBelowWhatIsAvailableIsRefusedSayingWhatIsAvailable() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("BZ", 5);
        d.reserve(id, 3);
        Api.Response r = d.admin.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", -3, "nota", "merma"));
        assertEquals(409, r.status(), r.json().toString());
        assertTrue(r.json().get("fields").get("cantidad").asText().contains("available 2"), r.json().toString());
        assertArrayEquals(new int[] {5, 3, 0, 0}, d.counters(id));
        assertEquals(201, d.admin.post("/api/inventario/ajustes", Map.of("producto_id", id, "cantidad", -2, "nota", "merma")).status());
        assertArrayEquals(new int[] {3, 3, 0, 0}, d.counters(id));
        d.assertNoDrift();
    }

    @Test
    void unknownInactiveAndOtherTenantsProductsAreRefused() {
        StockOpsData d = StockOpsData.fresh();
        StockOpsData other = StockOpsData.fresh();
        long theirs = other.conStock("THEIRS", 4);
        Api.Response r = d.admin.post("/api/inventario/entradas", Map.of("producto_id", theirs, "cantidad", 1));
        assertEquals(404, r.status());
        assertTrue(r.json().get("fields").has("producto_id"));
        assertEquals(404, d.admin.post("/api/inventario/ajustes", Map.of("producto_id", theirs, "cantidad", -1, "nota", "x")).status());
        assertEquals(404, d.admin.post("/api/inventario/entradas", Map.of("producto_id", 999_999_999, "cantidad", 1)).status());
        assertEquals(404, d.admin.get("/api/inventario/productos/" + theirs + "/movimientos").status());
        assertArrayEquals(new int[] {4, 0, 0, 0}, other.counters(theirs));

        JsonNode p = d.producto("OFF");
        long off = p.get("id").asLong();
        assertEquals(200, d.admin.put("/api/productos/" + off, Map.of("sku", p.get("sku").asText(), "nombre", "Viejo", "precio", 10, "activo", false)).status());
        Api.Response inactive = d.admin.post("/api/inventario/entradas", Map.of("producto_id", off, "cantidad", 1));
        assertEquals(422, inactive.status());
        assertTrue(inactive.json().get("fields").get("producto_id").asText().contains("inactive"));
        assertEquals(0, d.movements(off));
        d.assertNoDrift();
        other.assertNoDrift();
    }

    @Test
    void sellersReadButDoNotMoveStock() {
        StockOpsData d = StockOpsData.fresh();
        long id = d.conStock("RO", 2);
        assertEquals(403, d.vendedor.post("/api/inventario/entradas", Map.of("producto_id", id, "cantidad", 1)).status());
        assertEquals(200, d.vendedor.get("/api/inventario/movimientos?motivo=entrada").status());
        assertEquals(422, d.vendedor.get("/api/inventario/movimientos?motivo=robo").status());
        assertEquals(2, d.counters(id)[0]);
        d.assertNoDrift();
    }
}
