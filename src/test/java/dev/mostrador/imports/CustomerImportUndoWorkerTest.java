package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The undo in the background: resumed after a crash, taking turns with a commit of the same tenant, and kept rows where the database says no. */
class CustomerImportUndoWorkerTest {

    private static long committed(Browser b, byte[] file) {
        long id = ImportTestSupport.upload(b, "grande.csv", file);
        ImportTestSupport.dryRun(b, id, "email", "both");
        ImportTestSupport.commit(b, id);
        return id;
    }

    @Test
    void anUndoKilledAfterOneBatchFinishesWhenRunAgain() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = committed(b, CustomerImportWorkerTest.customers(2_500, "u"));
        ImportWorker worker = TestApp.get().imports().worker();
        worker.crashAfterBatches(1);
        assertEquals(303, b.post("/importaciones/" + id + "/deshacer", Map.of()).statusCode());
        long until = System.currentTimeMillis() + 30_000;
        while (TestDatabase.count("SELECT count(*) FROM imports WHERE id = ? AND undone_rows = 1000", id) == 0) {
            if (System.currentTimeMillis() > until) throw new AssertionError(ImportTestSupport.status(b, id).toString());
            Thread.sleep(20);
        }
        Thread.sleep(300); // the "killed" worker has let go of its lock; the import is still undoing
        assertEquals("undoing", ImportTestSupport.status(b, id).get("state").asText());
        assertEquals(1_500, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
        assertTrue(b.get("/importaciones/" + id).body().contains("Deshaciendo la importación…"), "the page shows the undo's progress");

        worker.sweep(); // what a restarted app does at start
        JsonNode done = ImportTestSupport.waitFor(b, id, "undone");
        assertEquals(2_500, done.get("undone_rows").asInt(), done.toString());
        assertEquals(0, done.get("kept_rows").asInt(), done.toString());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
        assertEquals(2_500, TestDatabase.count("SELECT count(*) FROM import_rows WHERE import_id = ? AND applied = 'undone'", id));
    }

    @Test
    void anUndoRacingACommitOfTheSameTenantLeavesEachCustomerOnceAndNothingDangling() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long a = committed(b, CustomerImportWorkerTest.customers(1_500, "r"));
        // B updates every customer A created (a new city) and creates 500 more.
        StringBuilder csv = new StringBuilder("nombre,correo,comuna\n");
        for (int i = 1; i <= 2_000; i++) csv.append("Cliente ").append(i).append(",c").append(i).append("-r@x.cl,Ancud\n");
        long other = ImportTestSupport.upload(b, "b.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        ImportTestSupport.dryRun(b, other, "email", "both");
        CyclicBarrier start = new CyclicBarrier(2);
        Thread committer = new Thread(() -> {
            try {
                start.await();
                new Browser(TestApp.baseUrl()).signedIn(t.oficina()).post("/importaciones/" + other + "/confirmar", Map.of());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        committer.start();
        start.await();
        assertEquals(303, b.post("/importaciones/" + a + "/deshacer", Map.of()).statusCode());
        committer.join();
        JsonNode undone = ImportTestSupport.waitFor(b, a, "undone");
        JsonNode done = ImportTestSupport.waitFor(b, other, "done");

        assertEquals(2_000, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()), "each e-mail once");
        assertEquals(2_000, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND city = 'Ancud'", t.id()));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_rows r WHERE r.import_id = ? AND r.applied IN ('created', 'updated') "
                + "AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = r.target_id)", other), "B's rows point to customers that exist");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_rows r WHERE r.import_id = ? AND r.applied = 'undone' "
                + "AND EXISTS (SELECT 1 FROM customers c WHERE c.id = r.target_id)", a), "what A says it deleted is gone");
        int updatedByB = TestDatabase.count("SELECT count(*) FROM import_rows r WHERE r.import_id = ? AND r.applied = 'updated'", other);
        assertEquals(updatedByB, undone.get("kept_rows").asInt(), "A kept exactly the customers B updated before A reached them");
        assertEquals(updatedByB, TestDatabase.count("SELECT count(*) FROM import_rows WHERE import_id = ? AND reason = 'import.kept.later_import|' || ?",
                a, String.valueOf(other)));
        assertEquals(1_500, undone.get("undone_rows").asInt() + undone.get("kept_rows").asInt());
        assertEquals(2_000, done.get("created_rows").asInt() + done.get("updated_rows").asInt(), done.toString());
    }

    @Test
    void aCustomerTheDatabaseWillNotLetGoIsKeptNotA500() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = committed(b, "nombre,correo\nBloqueado,bloqueado@x.cl\nNotas,notas@x.cl\nLibre,libre@x.cl\n".getBytes(StandardCharsets.UTF_8));
        DSLContext dsl = TestDatabase.get().dsl();
        long notas = CustomerImportUndoTest.customerByEmail(t.id(), "notas@x.cl");
        try {
            // Something no one foresaw refuses the delete (a trigger here), and a table added later points to a customer, cascading.
            dsl.execute("CREATE FUNCTION undo_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE foreign_key_violation USING MESSAGE = 'still used'; END $$");
            dsl.execute("CREATE TRIGGER undo_test_refuse BEFORE DELETE ON customers FOR EACH ROW WHEN (OLD.name = 'Bloqueado') "
                    + "EXECUTE FUNCTION undo_test_refuse()");
            dsl.execute("CREATE TABLE undo_test_notes (tenant_id uuid NOT NULL, customer_id bigint NOT NULL, "
                    + "FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE)");
            dsl.execute("INSERT INTO undo_test_notes VALUES (?, ?)", t.id(), notas);

            assertEquals(303, b.post("/importaciones/" + id + "/deshacer", Map.of()).statusCode());
            JsonNode done = ImportTestSupport.waitFor(b, id, "undone");
            assertEquals(1, done.get("undone_rows").asInt(), done.toString());
            assertEquals("import.kept.refused", dsl.fetchValue("SELECT reason FROM import_rows WHERE import_id = ? AND line = 2", id));
            assertEquals("import.kept.referenced|undo_test_notes", dsl.fetchValue("SELECT reason FROM import_rows WHERE import_id = ? AND line = 3", id));
            assertEquals(2, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM undo_test_notes WHERE customer_id = ?", notas), "nothing cascaded away");
            assertTrue(b.get("/importaciones/" + id + "/conservadas").body().contains("Otra tabla lo usa (undo_test_notes)."));
        } finally {
            dsl.execute("DROP TABLE IF EXISTS undo_test_notes");
            dsl.execute("DROP TRIGGER IF EXISTS undo_test_refuse ON customers");
            dsl.execute("DROP FUNCTION IF EXISTS undo_test_refuse()");
        }
    }
}
