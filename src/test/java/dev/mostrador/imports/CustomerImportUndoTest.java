package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undoing a customers import: what nobody touched goes, every kind of touch keeps its customer and says why; updates stay. */
class CustomerImportUndoTest {
    private static final String CUSTOMERS = "/api/v1/rewards/customers";

    static long importFile(Browser b, String csv, String mode) {
        long id = ImportTestSupport.upload(b, "clientes.csv", csv.getBytes(StandardCharsets.UTF_8));
        ImportTestSupport.dryRun(b, id, "email", mode);
        ImportTestSupport.commit(b, id);
        return id;
    }

    static long customerByEmail(UUID tenant, String email) {
        return ((Number) TestDatabase.get().dsl().fetchValue("SELECT id FROM customers WHERE tenant_id = ? AND email = ?", tenant, email)).longValue();
    }

    static long userId(String email) {
        return ((Number) TestDatabase.get().dsl().fetchValue("SELECT id FROM users WHERE lower(email) = lower(?)", email)).longValue();
    }

    static boolean exists(long customerId) {
        return TestDatabase.count("SELECT count(*) FROM customers WHERE id = ?", customerId) == 1;
    }

    @Test
    void deletesWhatNobodyTouchedAndKeepsEachTouchedCustomerWithItsReason() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser().signedIn(t.admin());
        Api api = Api.staff(t.admin());
        var dsl = TestDatabase.get().dsl();
        long before = api.post(CUSTOMERS, Map.of("name", "Previa", "email", "previa@x.cl", "city", "Osorno")).json().get("id").asLong();
        StringBuilder csv = new StringBuilder("nombre,correo,comuna\nPrevia,previa@x.cl,Valdivia\n");
        for (int i = 1; i <= 10; i++) csv.append("Cliente ").append(i).append(",c").append(i).append("@x.cl,Temuco\n");
        long a = importFile(b, csv.toString(), "both");
        long[] c = new long[11];
        for (int i = 1; i <= 10; i++) c[i] = customerByEmail(t.id(), "c" + i + "@x.cl");

        assertEquals(200, api.put(CUSTOMERS + "/" + c[1], Map.of("name", "Cliente Uno", "city", "Temuco")).status());
        dsl.execute("INSERT INTO visitas (tenant_id, customer_id, vendedor_id, planned_at, created_by) VALUES (?, ?, ?, now(), ?)",
                t.id(), c[2], userId(t.vendedor()), userId(t.vendedor()));
        assertEquals(201, api.post("/api/v1/rewards/accumulations", Map.of("customer_id", c[3], "amount", 50, "reason", "Compra")).status());
        long loser = api.post(CUSTOMERS, Map.of("name", "Duplicado de 4")).json().get("id").asLong();
        long winner = api.post(CUSTOMERS, Map.of("name", "Ganador de 5")).json().get("id").asLong();
        assertEquals(200, api.post(CUSTOMERS + "/merge", Map.of("winner_id", c[4], "loser_id", loser), UUID.randomUUID().toString()).status());
        assertEquals(200, api.post(CUSTOMERS + "/merge", Map.of("winner_id", winner, "loser_id", c[5]), UUID.randomUUID().toString()).status());
        long later = importFile(b, "nombre,correo,comuna\nCliente 6,c6@x.cl,Pucón\n", "update");
        long interest = ((Number) dsl.fetchValue("INSERT INTO intereses (tenant_id, nombre) VALUES (?, 'Vinos') RETURNING id", t.id())).longValue();
        dsl.execute("INSERT INTO customer_intereses (tenant_id, customer_id, interes_id) VALUES (?, ?, ?)", t.id(), c[7], interest);
        dsl.execute("INSERT INTO pedidos (tenant_id, estado, customer_id, user_id, moneda, subtotal, descuento, total) "
                + "VALUES (?, 'confirmado', ?, ?, 'CLP', 100, 0, 100)", t.id(), c[8], userId(t.oficina()));

        String confirm = b.get("/importaciones/" + a + "/deshacer").body();
        assertTrue(confirm.contains("Se borrarían 2 clientes creados por esta importación."), confirm);
        assertTrue(confirm.contains("Se conservarían 8 clientes"), confirm);
        for (String why : List.of("Tienen visitas", "Tienen pedidos", "Una importación posterior los actualizó", "Se fusionaron en otro cliente",
                "Los clientes que esta importación actualizó (1) no se revierten")) {
            assertTrue(confirm.contains(why), why);
        }
        assertTrue(confirm.contains("name=\"_csrf\""), "the form carries its CSRF token");

        HttpResponse<String> undo = b.post("/importaciones/" + a + "/deshacer", Map.of());
        assertEquals(303, undo.statusCode(), undo.body());
        JsonNode done = ImportTestSupport.waitFor(b, a, "undone");
        assertEquals(2, done.get("undone_rows").asInt(), done.toString());
        assertEquals(8, done.get("kept_rows").asInt(), done.toString());

        assertFalse(exists(c[9]) || exists(c[10]), "the untouched ones are gone");
        for (int i : new int[] {1, 2, 3, 4, 6, 7, 8}) assertTrue(exists(c[i]), "customer " + i + " is kept");
        assertTrue(exists(before) && exists(winner), "customers the import did not create stay");
        assertEquals("Valdivia", dsl.fetchValue("SELECT city FROM customers WHERE id = ?", before), "an update is not reverted");
        Map<Integer, String> reasons = new HashMap<>();
        dsl.fetch("SELECT line, reason FROM import_rows WHERE import_id = ? AND applied = 'kept'", a)
                .forEach(r -> reasons.put(r.get(0, Integer.class), r.get(1, String.class)));
        // Line 2 is the update of "Previa"; "Cliente i" is on line i + 2.
        assertEquals(Map.of(3, "import.kept.edited", 4, "import.kept.visits", 5, "import.kept.lumis", 6, "import.kept.merged",
                7, "import.kept.merged_into|" + winner, 8, "import.kept.later_import|" + later, 9, "import.kept.interests",
                10, "import.kept.orders"), reasons);
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM import_rows WHERE import_id = ? AND applied = 'undone'", a));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_rows WHERE import_id = ? AND applied = 'updated'", a));

        String page = b.get("/importaciones/" + a).body();
        assertTrue(page.contains("Borrados: 2; conservados: 8."), page);
        assertTrue(page.contains("data-testid=\"audit-undone\">Ana Admin ·"), page);
        assertTrue(page.contains("data-testid=\"audit-committed\">Ana Admin ·"), page);
        assertTrue(page.contains("<td data-label=\"Encabezado en el archivo\">correo</td>"), "the mapping names the file's header");
        String kept = b.get("/importaciones/" + a + "/conservadas").body();
        assertTrue(kept.contains("Tiene visitas.") && kept.contains("La importación #" + later + " lo actualizó después."), kept);
        assertTrue(kept.contains("Se fusionó en el cliente #" + winner + "."), kept);
        assertTrue(b.get("/importaciones/" + a + "/conservadas.csv").body().contains("Tiene pedidos."));

        // Twice: a clear refusal, nothing more deleted.
        int customers = TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id());
        HttpResponse<String> again = b.post("/importaciones/" + a + "/deshacer", Map.of());
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("Esta importación ya se deshizo"), again.body());
        assertEquals(409, b.get("/importaciones/" + a + "/deshacer").statusCode());
        assertEquals(customers, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));

        // The customer page: the imports that touched it, and both on its timeline; a visit on the timeline.
        String six = b.get("/recompensas/clientes/" + c[6]).body();
        assertTrue(six.contains("data-testid=\"customer-imports\""), six);
        assertTrue(six.contains("Lo creó; se conservó al deshacerla") && six.contains("Lo actualizó"), six);
        assertTrue(six.contains("Creado por la importación #" + a + " (clientes.csv)"), six);
        assertTrue(six.contains("Ana Admin creó el cliente (Importado)."), "whoever committed the import created its customers");
        assertTrue(six.contains("Actualizado por la importación #" + later + " (clientes.csv)"), six);
        String two = b.get("/recompensas/clientes/" + c[2]).body();
        assertTrue(two.contains("Visita de Vera Vendedora: Planificada"), two.substring(two.indexOf("data-testid=\"timeline\"")));
        String asVendedor = new Browser().signedIn(t.vendedor()).get("/recompensas/clientes/" + c[6]).body();
        assertFalse(asVendedor.contains("data-testid=\"customer-imports\""), "a vendedor cannot open imports");
        assertTrue(asVendedor.contains("Creado por la importación #" + a), "but reads them on the timeline");
    }

    @Test
    void anImportNotDoneCannotBeUndoneAndAnotherTenantsIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser().signedIn(t.oficina());
        long uploaded = ImportTestSupport.upload(b, "c.csv", "nombre,correo\nAna,ana@x.cl\n".getBytes(StandardCharsets.UTF_8));
        for (HttpResponse<String> r : List.of(b.get("/importaciones/" + uploaded + "/deshacer"), b.post("/importaciones/" + uploaded + "/deshacer", Map.of()))) {
            assertEquals(409, r.statusCode());
            assertTrue(r.body().contains("Solo se puede deshacer una importación terminada; esta está «Subido»."), r.body());
        }
        assertEquals("uploaded", ImportTestSupport.status(b, uploaded).get("state").asText());

        long done = importFile(b, "nombre,correo\nBea,bea@x.cl\n", "both");
        Browser intruder = new Browser().signedIn(Fixtures.tenant().admin());
        for (String path : List.of("/deshacer", "/conservadas", "/conservadas.csv")) {
            assertEquals(404, intruder.get("/importaciones/" + done + path).statusCode(), path);
        }
        assertEquals(404, intruder.post("/importaciones/" + done + "/deshacer", Map.of()).statusCode());
        assertEquals("done", ImportTestSupport.status(b, done).get("state").asText());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
    }
}
