package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A customers import over HTTP, as Spanish Excel writes the file: Windows-1252, semicolons. */
class CustomerImportFlowTest {

    @Test
    void spanishExcelFileIsCheckedThenImportedInTheBackground() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        String csv = "Nombre;Correo;Teléfono;RUT;Comuna\r\n"
                + "José Peña;jose@peña.cl;+56 9 1111 1111;12.345.678-5;Ñuñoa\r\n"
                + "María;maria@x.cl;+56 9 2222 2222;;Providencia\r\n"
                + "Mal Correo;no-es-correo;;;\r\n"
                + "Rut Malo;rut@x.cl;;12.345.678-9;\r\n"
                + "Repetida;MARIA@x.cl;;;\r\n"
                + "\"=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";formula@x.cl;;;\r\n";
        long id = ImportTestSupport.upload(b, "clientes.csv", csv.getBytes(ImportText.WINDOWS_1252));
        String page = b.get("/importaciones/" + id).body();
        assertTrue(page.contains("Windows-1252"), page);
        assertEquals("name", ImportTestSupport.suggested(page).get("col0"));
        assertEquals("email", ImportTestSupport.suggested(page).get("col1"));
        assertEquals("phone", ImportTestSupport.suggested(page).get("col2"));
        assertEquals("tax_id", ImportTestSupport.suggested(page).get("col3"));
        assertEquals("city", ImportTestSupport.suggested(page).get("col4"));

        JsonNode dry = ImportTestSupport.dryRun(b, id, "email", "both");
        assertEquals(6, dry.get("total_rows").asInt());
        assertEquals(3, dry.get("new").asInt(), dry.toString()); // José, María, the formula row (stored as text)
        assertEquals(3, dry.get("error").asInt(), dry.toString());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()), "a dry run writes nothing");

        HttpResponse<String> errorsCsv = b.get("/importaciones/" + id + "/errores.csv");
        assertTrue(errorsCsv.body().contains("Correo no válido"), errorsCsv.body());
        assertTrue(errorsCsv.body().contains("ya está en la fila 3"), errorsCsv.body());
        assertTrue(b.get("/importaciones/" + id + "/errores").body().contains("dígito verificador"));

        JsonNode done = ImportTestSupport.commit(b, id);
        assertEquals(3, done.get("created_rows").asInt(), done.toString());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND name = 'José Peña' AND city = 'Ñuñoa' "
                + "AND tax_id = '123456785' AND source = 'import' AND import_id = ?", t.id(), id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND name LIKE '=HYPERLINK%'", t.id()),
                "a formula is kept as text");

        // The same file again, both ways: nothing new, nothing duplicated; the mapping is remembered.
        long again = ImportTestSupport.upload(b, "clientes.csv", csv.getBytes(ImportText.WINDOWS_1252));
        JsonNode dry2 = ImportTestSupport.dryRun(b, again, "email", "both");
        assertEquals(0, dry2.get("new").asInt(), dry2.toString());
        assertEquals(3, dry2.get("unchanged").asInt(), dry2.toString());
    }

    @Test
    void anUpdateIsWrittenOnTheCustomerItMatched() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        ImportTestSupport.commit(b, dryRunOf(b, "name,email,city\nAna,ana@x.cl,Ñuñoa\n"));
        // The key (e-mail) is the same, so it is not among the changes: the commit still finds the customer by it.
        long id = dryRunOf(b, "name,email,city\nAna,ANA@x.cl,Providencia\n");
        assertEquals(1, ImportTestSupport.status(b, id).get("update").asInt());
        JsonNode done = ImportTestSupport.commit(b, id);
        assertEquals(1, done.get("updated_rows").asInt(), done.toString());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ?", t.id()));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND city = 'Providencia'", t.id()));
    }

    private static long dryRunOf(Browser b, String csv) {
        long id = ImportTestSupport.upload(b, "c.csv", csv.getBytes(StandardCharsets.UTF_8));
        ImportTestSupport.dryRun(b, id, "email", "both");
        return id;
    }

    @Test
    void anotherTenantsImportIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = ImportTestSupport.upload(b, "c.csv", "name,email\nAna,ana@x.cl\n".getBytes(StandardCharsets.UTF_8));
        Browser intruder = new Browser(TestApp.baseUrl()).signedIn(other.admin());
        for (String path : new String[] {"", "/estado", "/progreso", "/errores", "/errores.csv"}) {
            assertEquals(404, intruder.get("/importaciones/" + id + path).statusCode(), path);
        }
        assertEquals(404, intruder.post("/importaciones/" + id + "/validar", java.util.Map.of("col0", "name", "col1", "email")).statusCode());
        assertEquals(404, intruder.post("/importaciones/" + id + "/confirmar", java.util.Map.of()).statusCode());
    }
}
