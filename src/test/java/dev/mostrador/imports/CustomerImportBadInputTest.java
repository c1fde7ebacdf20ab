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

/** Files that are not what they claim: a page that says why, or an error per row; never a 500, nothing half-written. */
class CustomerImportBadInputTest {
    private final Fixtures.TestTenant t = Fixtures.tenant();
    private final Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());

    private void refused(byte[] bytes, int status, String text) {
        HttpResponse<String> r = b.postFile("/importaciones", "file", "f.csv", "text/csv", bytes);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(text), r.body());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM imports WHERE tenant_id = ?", t.id()));
    }

    @Test
    void emptyBinaryXlsxAndTooLargeFilesGetAPageThatSaysWhy() {
        refused(new byte[0], 422, "está vacío");
        refused("\r\n \r\n".getBytes(StandardCharsets.UTF_8), 422, "está vacío");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        refused(png, 422, "no es texto");
        refused(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, 422, "Excel");
        refused(new byte[21 * 1024 * 1024], 413, "20 MB");
    }

    @Test
    void raggedRowsAHugeCellAndAFileWithoutHeaderAreErrorsOfTheirRows() {
        String huge = "x".repeat(10 * 1024 * 1024);
        String csv = "name,email\nAna,ana@x.cl\nBea,bea@x.cl,extra,cells\n" + huge + ",big@x.cl\nCata,cata@x.cl\n";
        long id = ImportTestSupport.upload(b, "r.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode dry = ImportTestSupport.dryRun(b, id, "email", "both");
        assertEquals(2, dry.get("new").asInt(), dry.toString());
        assertEquals(2, dry.get("error").asInt(), dry.toString());
        String errors = b.get("/importaciones/" + id + "/errores").body();
        assertTrue(errors.contains("más columnas"), errors);
        assertTrue(errors.contains("demasiado largo"), errors);

        // No header: the first line is data; its columns map to nothing, so the key is not mapped and the page says so.
        long noHeader = ImportTestSupport.upload(b, "n.csv", "Ana,ana@x.cl\nBea,bea@x.cl\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = b.post("/importaciones/" + noHeader + "/validar", java.util.Map.of("header", "1", "key", "email", "mode", "both"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("no tiene columna"), r.body());
    }
}
