package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A customers import from an .xlsx over HTTP, and the pages that refuse what is not one. */
class XlsxImportFlowTest {
    private final Fixtures.TestTenant t = Fixtures.tenant();
    private final Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());

    @Test
    void customersFromAnExcelSheetAreCheckedThenImported() {
        byte[] xlsx = XlsxFixtures.workbook(ws -> {
            String[] header = {"Nombre", "Correo", "Teléfono", "Preferido", "Notas"};
            for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
            ws.value(1, 0, "Ana Díaz");
            ws.value(1, 1, "ana@x.cl");
            ws.value(1, 2, 56911111111L); // typed as a number: no "5.6911111111E10", no ".0"
            ws.value(1, 3, true);
            ws.value(2, 0, "Bea");
            ws.value(2, 1, "no-es-correo");
            ws.value(3, 0, "Cata");
            ws.value(3, 1, "cata@x.cl");
            ws.formula(3, 4, "CONCATENATE(\"VIP \",\"desde 2020\")");
        });
        xlsx = XlsxFixtures.withSavedValue(xlsx, "E4", "VIP desde 2020", true);
        long id = ImportTestSupport.upload(b, "clientes.xlsx", xlsx);
        String page = b.get("/importaciones/" + id).body();
        assertTrue(page.contains("XLSX"), page);
        assertEquals("phone", ImportTestSupport.suggested(page).get("col2"));
        assertEquals("preferred", ImportTestSupport.suggested(page).get("col3"));

        JsonNode dry = ImportTestSupport.dryRun(b, id, "email", "both");
        assertEquals(3, dry.get("total_rows").asInt(), dry.toString());
        assertEquals(2, dry.get("new").asInt(), dry.toString());
        assertEquals(1, dry.get("error").asInt(), dry.toString());
        assertTrue(b.get("/importaciones/" + id + "/errores").body().contains("Correo no válido"));

        JsonNode done = ImportTestSupport.commit(b, id);
        assertEquals(2, done.get("created_rows").asInt(), done.toString());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND name = 'Ana Díaz' AND phone = '56911111111' "
                + "AND preferred AND import_id = ?", t.id(), id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM customers WHERE tenant_id = ? AND name = 'Cata' AND notes = 'VIP desde 2020'",
                t.id()), "a formula's saved value, not the formula");
    }

    @Test
    void damagedOldAndPasswordProtectedWorkbooksGetAPageThatSaysWhatToDo() {
        byte[] good = XlsxFixtures.rows(List.of(List.of("name", "email"), List.of("Ana", "ana@x.cl")));
        refused(Arrays.copyOf(good, good.length - 100), "dañado");
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        refused(ole2, "Excel antiguo (.xls) o está protegido con contraseña");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM imports WHERE tenant_id = ?", t.id()));
    }

    private void refused(byte[] bytes, String text) {
        HttpResponse<String> r = b.postFile("/importaciones", "file", "libro.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains(text), r.body());
        assertTrue(r.body().contains("libro.xlsx"), r.body());
    }
}
