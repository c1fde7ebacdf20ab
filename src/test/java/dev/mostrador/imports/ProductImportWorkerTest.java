package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A products commit in the background: two at once create each SKU once and receive its stock once; one killed midway resumes. */
class ProductImportWorkerTest {

    static byte[] products(int n) {
        StringBuilder csv = new StringBuilder("codigo,nombre,precio,existencia\n");
        for (int i = 1; i <= n; i++) csv.append("P-").append(i).append(",Producto ").append(i).append(',').append(100 + i).append(',').append(i % 7).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Products with stock in the file: i % 7 units, so 6 of every 7. */
    private static int withStock(int n) {
        int count = 0;
        for (int i = 1; i <= n; i++) if (i % 7 > 0) count++;
        return count;
    }

    @Test
    void twoImportsOfTheSameProductsFileAtOnceCreateEachSkuOnceWithItsStockOnce() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        byte[] file = products(1_500);
        long a = ImportTestSupport.upload(b, "p.csv", file, "products");
        long c = ImportTestSupport.upload(b, "p.csv", file, "products");
        assertEquals(1_500, ImportTestSupport.dryRun(b, a, "sku", "both").get("new").asInt());
        assertEquals(1_500, ImportTestSupport.dryRun(b, c, "sku", "both").get("new").asInt()); // both see 1,500 new products
        CyclicBarrier start = new CyclicBarrier(2);
        Thread other = new Thread(() -> {
            try {
                start.await();
                new Browser(TestApp.baseUrl()).signedIn(t.oficina()).post("/importaciones/" + c + "/confirmar", Map.of());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        other.start();
        start.await();
        b.post("/importaciones/" + a + "/confirmar", Map.of());
        other.join();
        JsonNode doneA = ImportTestSupport.waitFor(b, a, "done");
        JsonNode doneC = ImportTestSupport.waitFor(b, c, "done");
        assertEquals(1_500, doneA.get("created_rows").asInt() + doneC.get("created_rows").asInt());
        assertEquals(1_500, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ?", t.id()));
        assertEquals(withStock(1_500), TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND documento_tipo = 'importacion'",
                t.id()), "the later import found each product with the units it would set: no second entrada");
        assertEquals(List.of(), new StockCheck(TestDatabase.get().dsl()).drifts(t.id()));
    }

    @Test
    void aProductsCommitKilledMidwayResumesWithoutASecondEntrada() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = ImportTestSupport.upload(b, "grande.csv", products(2_500), "products");
        ImportTestSupport.dryRun(b, id, "sku", "both");
        ImportWorker worker = TestApp.get().imports().worker();
        worker.crashAfterBatches(1);
        b.post("/importaciones/" + id + "/confirmar", Map.of());
        long until = System.currentTimeMillis() + 30_000;
        while (TestDatabase.count("SELECT count(*) FROM imports WHERE id = ? AND committed_rows = 1000", id) == 0) {
            if (System.currentTimeMillis() > until) throw new AssertionError(ImportTestSupport.status(b, id).toString());
            Thread.sleep(20);
        }
        Thread.sleep(300); // the "killed" worker has let go of its lock; the import is still 'importing'
        assertEquals("importing", ImportTestSupport.status(b, id).get("state").asText());
        assertEquals(withStock(1_000), TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ?", t.id()),
                "the first batch's products and their entradas committed together");

        worker.sweep();
        assertEquals(2_500, ImportTestSupport.waitFor(b, id, "done").get("created_rows").asInt());
        assertEquals(2_500, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND import_id = ?", t.id(), id));
        assertEquals(withStock(2_500), TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ?", t.id()));
        assertEquals(List.of(), new StockCheck(TestDatabase.get().dsl()).drifts(t.id()));
    }
}
