package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Undoing a products import: an untouched product without stock is deleted; one that received its
 * initial stock stays deactivated with that stock taken back by an ajuste (the ledger is never
 * erased, and the counters still equal it); a product someone moved, put in an oferta or edited is
 * kept with its reason.
 */
class ProductImportUndoTest {
    private static final DSLContext DB = TestDatabase.get().dsl();

    private static long product(Fixtures.TestTenant t, String sku) {
        return DB.fetchOne("SELECT id FROM productos WHERE tenant_id = ? AND sku = ?", t.id(), sku).get(0, Long.class);
    }

    @Test
    void untouchedProductsGoStockedOnesAreDeactivatedAndTheRestAreKeptWithTheirReason() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        String csv = "sku,nombre,precio,stock\nP-NONE,Sin stock,100,0\nP-STOCK,Con stock,200,5\nP-SOLD,Vendido,300,3\nP-EDIT,Editado,400,0\n"
                + "P-OFERTA,En oferta,500,0\n";
        long id = ImportTestSupport.upload(b, "p.csv", csv.getBytes(StandardCharsets.UTF_8), "products");
        ImportTestSupport.dryRun(b, id, "sku", "both");
        ImportTestSupport.commit(b, id);
        // After the import: a sale-like movement of its own, an edit, an oferta.
        DB.execute("INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total) VALUES (?, ?, 'entrada', 1)", t.id(), product(t, "P-SOLD"));
        DB.execute("UPDATE productos SET nombre = 'Editado a mano', updated_at = now() + interval '1 second' WHERE tenant_id = ? AND sku = 'P-EDIT'", t.id());
        long oferta = DB.fetchOne("INSERT INTO ofertas (tenant_id, titulo, desde, hasta, tipo, descuento_porcentaje) VALUES (?, 'Promo', now(), "
                + "now() + interval '1 day', 'porcentaje', 10) RETURNING id", t.id()).get(0, Long.class);
        DB.execute("INSERT INTO oferta_productos (tenant_id, oferta_id, producto_id) VALUES (?, ?, ?)", t.id(), oferta, product(t, "P-OFERTA"));

        String confirm = b.get("/importaciones/" + id + "/deshacer").body();
        assertTrue(confirm.contains("Se borraría 1 producto creado por esta importación."), confirm);
        assertTrue(confirm.contains("Se conservarían 4 productos creados por ella"), confirm);
        assertTrue(confirm.contains("Recibieron stock inicial"), confirm);
        HttpResponse<String> undo = b.post("/importaciones/" + id + "/deshacer", Map.of());
        assertEquals(303, undo.statusCode(), undo.body());
        JsonNode done = ImportTestSupport.waitFor(b, id, "undone");
        assertEquals(1, done.get("undone_rows").asInt(), done.toString());
        assertEquals(4, done.get("kept_rows").asInt(), done.toString());

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND sku = 'P-NONE'", t.id()), "deleted");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND sku = 'P-STOCK' AND NOT activo "
                + "AND stock_total = 0", t.id()), "deactivated, its 5 units taken back");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND producto_id = ? AND motivo = 'ajuste' "
                + "AND delta_total = -5 AND documento_tipo = 'importacion' AND documento_id = ?", t.id(), product(t, "P-STOCK"), id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND sku = 'P-SOLD' AND activo AND stock_total = 4",
                t.id()), "moved since: kept as it is");
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND sku IN ('P-EDIT', 'P-OFERTA') AND activo", t.id()));
        assertEquals(List.of(), new StockCheck(DB).drifts(t.id()), "counters equal the ledger after the undo");

        String kept = b.get("/importaciones/" + id + "/conservadas").body();
        for (String reason : List.of("Desactivado y su stock inicial devuelto", "Tiene otros movimientos de stock", "Alguien lo editó", "Está en una oferta")) {
            assertTrue(kept.contains(reason), reason + " in " + kept);
        }
        assertFalse(kept.contains("P-NONE"), kept);
    }
}
