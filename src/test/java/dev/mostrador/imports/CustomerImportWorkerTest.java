package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The background commit: resumed after a crash from its last batch; two imports of one file at once create each customer once. */
class CustomerImportWorkerTest {

    static byte[] customers(int n, String key) {
        StringBuilder csv = new StringBuilder("nombre,correo,telefono\n");
        for (int i = 1; i <= n; i++) csv.append("Cliente ").append(i).append(",c").append(i).append('-').append(key).append("@x.cl,+56 9 ")
                .append(String.format("%08d", i)).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCommitKilledMidwayResumesAfterItsLastBatchWithoutDuplicates() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = ImportTestSupport.upload(b, "grande.csv", customers(2_500, "r"));
        ImportTestSupport.dryRun(b, id, "email", "both");
        ImportWorker worker = TestApp.get().imports().worker();
        worker.crashAfterBatches(1);
        b.post("/importaciones/" + id + "/confirmar", Map.of());
        long until = System.currentTimeMillis() + 30_000;
        while (TestDatabase.count("SELECT count(*) FROM imports WHERE id = ? AND committed_rows = 1000", id) == 0) {
            if (System.currentTimeMillis() > until) throw new AssertionError(ImportTestSupport.status(b, id).toString());
            Thread.sleep(20);
        }
        Thread.sleep(300); // the "killed" worker has let go of its lock; the import is still 'importing'
        JsonNode stopped = ImportTestSupport.status(b, id);
        assertEquals("importing", stopped.get("state").asText());
        assertEquals(1000, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));

        worker.sweep(); // what a restarted app does at start
        JsonNode done = ImportTestSupport.waitFor(b, id, "done");
        assertEquals(2_500, done.get("created_rows").asInt(), done.toString());
        assertEquals(2_500, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
        assertEquals(2_500, TestDatabase.count("SELECT count(DISTINCT lower(email)) FROM customers WHERE tenant_id = ?", t.id()));
    }

    @Test
    void twoImportsOfTheSameFileAtOnceCreateEachCustomerOnce() throws Exception {
        for (String key : new String[] {"email", "phone"}) {
            Fixtures.TestTenant t = Fixtures.tenant();
            Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
            byte[] file = customers(1_500, key);
            long a = ImportTestSupport.upload(b, "a.csv", file);
            long c = ImportTestSupport.upload(b, "a.csv", file);
            ImportTestSupport.dryRun(b, a, key, "both");
            ImportTestSupport.dryRun(b, c, key, "both"); // both dry runs see 1,500 new customers
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
            assertEquals(1_500, doneA.get("created_rows").asInt() + doneC.get("created_rows").asInt(), key);
            assertEquals(1_500, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()), key);
        }
    }
}
