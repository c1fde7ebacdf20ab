package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A products import over HTTP: prices as the shop writes money, the initial stock as entradas of the ledger, every bad cell its row's error. */
class ProductImportFlowTest {
    private static final DSLContext DB = TestDatabase.get().dsl();

    /** A product made before the import, with these units already received (0: it never moved). */
    private static long existing(Fixtures.TestTenant t, String sku, String name, String price, int received) {
        long id = DB.fetchOne("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?, ?, ?, ?::numeric) RETURNING id",
                t.id(), sku, name, price).get(0, Long.class);
        if (received > 0) DB.execute("INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total) VALUES (?, ?, 'entrada', ?)",
                t.id(), id, received);
        return id;
    }

    private static String csv() {
        return "Código;Nombre;Precio;Stock;Activo;Descripción\r\n"
                + "NEW-1;Yerba 1 kg;1.234,50;10;sí;Paquete\r\n"          // 2 new, price as es-UY writes it
                + "NEW-2;Azúcar;1234.50;0;;\r\n"                         // 3 new, a plain decimal too; no stock: no movement
                + "new-1;Repetida;10;1;;\r\n"                            // 4 the same SKU in another case
                + "EXIST-1;;150,50;7;;\r\n"                              // 5 update: price, and the initial stock of a product that never moved
                + "MOVED-1;;;9;;\r\n"                                    // 6 moved already, 5 on hand: 9 would not be set
                + "MOVED-2;Movido dos;;4;;\r\n"                          // 7 moved, 4 on hand as the file says: unchanged
                + "SAME-1;Igual;100;;;\r\n"                              // 8 unchanged
                + "BAD-1;Letras;12abc;1;;\r\n"                           // 9
                + "BAD-2;Negativo;10;-3;;\r\n"                           // 10
                + "BAD-3;;10;1;;\r\n"                                    // 11 a new product without a name
                + "\"=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";Fórmula;abc;1;;\r\n" // 12
                + "CON ESPACIO;Sku malo;10;;;\r\n"                       // 13
                + "BAD-4;Decimales;10,555;;;\r\n"                        // 14 UYU writes 2 decimals
                + "BAD-5;Fracción;10;1,5;;\r\n";                         // 15
    }

    @Test
    void productsAreCheckedThenImportedWithTheirInitialStockAsEntradas() {
        Fixtures.TestTenant t = Fixtures.tenant("UYU", "es-UY", "America/Montevideo");
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long exist1 = existing(t, "EXIST-1", "Existente", "100", 0);
        long moved1 = existing(t, "MOVED-1", "Movido uno", "50", 5);
        existing(t, "MOVED-2", "Movido dos", "50", 4);
        existing(t, "SAME-1", "Igual", "100", 0);

        long id = ImportTestSupport.upload(b, "productos.csv", csv().getBytes(ImportText.WINDOWS_1252), "products");
        String page = b.get("/importaciones/" + id).body();
        Map<String, String> suggested = ImportTestSupport.suggested(page);
        assertEquals(Map.of("col0", "sku", "col1", "name", "col2", "price", "col3", "stock", "col4", "active", "col5", "description"), suggested);
        assertTrue(page.contains("Clave para encontrar productos"), page);

        JsonNode dry = ImportTestSupport.dryRun(b, id, "sku", "both");
        assertEquals(14, dry.get("total_rows").asInt(), dry.toString());
        assertEquals(2, dry.get("new").asInt(), dry.toString());
        assertEquals(1, dry.get("update").asInt(), dry.toString());
        assertEquals(2, dry.get("unchanged").asInt(), dry.toString());
        assertEquals(9, dry.get("error").asInt(), dry.toString());
        assertEquals(4, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ?", t.id()), "a dry run writes nothing");

        String errors = b.get("/importaciones/" + id + "/errores").body();
        for (String reason : new String[] {"ya está en la fila 2", "ya tiene movimientos de stock (en bodega: 5)", "Precio no válido",
                "no puede ser negativo", "Falta el nombre para crear el producto", "SKU no válido", "más decimales de los que usa la moneda (UYU)",
                "Stock no válido"}) {
            assertTrue(errors.contains(reason), reason + " in " + errors);
        }
        HttpResponse<String> errorsCsv = b.get("/importaciones/" + id + "/errores.csv");
        assertTrue(errorsCsv.body().contains("'=HYPERLINK("), "a formula goes out quoted: " + errorsCsv.body());
        assertTrue(errorsCsv.body().contains("BAD-3") && errorsCsv.body().contains("MOVED-1"), "rows found in error against the catalog keep their cells too");
        assertFalse(errorsCsv.body().matches("(?s).*[;,\"]=HYPERLINK.*"), errorsCsv.body());

        JsonNode done = ImportTestSupport.commit(b, id);
        assertEquals(2, done.get("created_rows").asInt(), done.toString());
        assertEquals(1, done.get("updated_rows").asInt(), done.toString());
        assertEquals(new BigDecimal("1234.50"), DB.fetchOne("SELECT precio FROM productos WHERE tenant_id = ? AND sku = 'NEW-1' AND import_id = ? "
                + "AND nombre = 'Yerba 1 kg' AND descripcion = 'Paquete' AND activo", t.id(), id).get(0, BigDecimal.class));
        assertEquals(new BigDecimal("150.50"), DB.fetchOne("SELECT precio FROM productos WHERE id = ?", exist1).get(0, BigDecimal.class));
        assertEquals(List.of(10, 0, 7, 5), stock(t, "NEW-1", "NEW-2", "EXIST-1", "MOVED-1"));
        long admin = DB.fetchOne("SELECT id FROM users WHERE tenant_id = ? AND email = ?", t.id(), t.admin()).get(0, Long.class);
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND motivo = 'entrada' "
                + "AND documento_tipo = 'importacion' AND documento_id = ? AND actor_user_id = ?", t.id(), id, admin));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM stock_movimientos WHERE tenant_id = ? AND producto_id = ? AND documento_id = ?",
                t.id(), moved1, id));
        assertEquals(List.of(), new StockCheck(DB).drifts(t.id()), "counters equal the ledger");

        // The same file again: what it set is what the products have now, so nothing is new and no stock moves twice.
        long again = ImportTestSupport.upload(b, "productos.csv", csv().getBytes(ImportText.WINDOWS_1252), "products");
        JsonNode dry2 = ImportTestSupport.dryRun(b, again, "sku", "both");
        assertEquals(0, dry2.get("new").asInt(), dry2.toString());
        assertEquals(0, dry2.get("update").asInt(), dry2.toString());
        assertEquals(5, dry2.get("unchanged").asInt(), dry2.toString());
    }

    private static List<Integer> stock(Fixtures.TestTenant t, String... skus) {
        return java.util.Arrays.stream(skus).map(sku -> DB.fetchOne("SELECT stock_total FROM productos WHERE tenant_id = ? AND sku = ?", t.id(), sku)
                .get(0, Integer.class)).toList();
    }

    @Test
    void productsFromAnExcelSheetKeepTheirNumbers() {
        Fixtures.TestTenant t = Fixtures.tenant("UYU", "es-UY", "America/Montevideo");
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        byte[] xlsx = XlsxFixtures.workbook(ws -> {
            String[] header = {"SKU", "Producto", "Price", "Qty", "Stock mínimo"};
            for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
            ws.value(1, 0, "X-1");
            ws.value(1, 1, "Café");
            ws.value(1, 2, 1234.5);
            ws.value(1, 3, 12);
            ws.value(1, 4, 3);
            ws.value(2, 0, 40123); // a code typed as a number
            ws.value(2, 1, "Té");
            ws.formula(2, 2, "C2*2");
            ws.value(2, 3, 0.1 + 0.2); // not whole units
        });
        xlsx = XlsxFixtures.withSavedValue(xlsx, "C3", "2469.0000000000005", false);
        long id = ImportTestSupport.upload(b, "productos.xlsx", xlsx, "products");
        assertEquals(Map.of("col0", "sku", "col1", "name", "col2", "price", "col3", "stock", "col4", "min_stock"),
                ImportTestSupport.suggested(b.get("/importaciones/" + id).body()));
        JsonNode dry = ImportTestSupport.dryRun(b, id, "sku", "create");
        assertEquals(1, dry.get("new").asInt(), dry.toString());
        assertEquals(1, dry.get("error").asInt(), dry.toString());
        assertTrue(b.get("/importaciones/" + id + "/errores").body().contains("Stock no válido"));
        ImportTestSupport.commit(b, id);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ? AND sku = 'X-1' AND precio = 1234.50 "
                + "AND stock_total = 12 AND stock_minimo = 3", t.id()));
        assertEquals(List.of(), new StockCheck(DB).drifts(t.id()));
    }

    @Test
    void anotherTenantsProductsImportIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser b = new Browser(TestApp.baseUrl()).signedIn(t.admin());
        long id = ImportTestSupport.upload(b, "p.csv", "sku,nombre,stock\nA-1,Uno,3\n".getBytes(StandardCharsets.UTF_8), "products");
        ImportTestSupport.dryRun(b, id, "sku", "both");
        Browser intruder = new Browser(TestApp.baseUrl()).signedIn(Fixtures.tenant().admin());
        for (String path : new String[] {"", "/estado", "/progreso", "/errores", "/errores.csv"}) {
            assertEquals(404, intruder.get("/importaciones/" + id + path).statusCode(), path);
        }
        assertEquals(404, intruder.post("/importaciones/" + id + "/validar", Map.of("col0", "sku", "col1", "name", "key", "sku")).statusCode());
        assertEquals(404, intruder.post("/importaciones/" + id + "/confirmar", Map.of()).statusCode());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM productos WHERE tenant_id = ?", t.id()), "the intruder committed nothing");
    }
}
