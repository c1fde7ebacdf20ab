package dev.mostrador.catalog;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.FormData;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mostrador.support.HtmlOrder.assertOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sortable columns, CSV export, "Duplicar" and "Guardar y agregar otro" on the products list. */
class ProductoListTest {

    /** Straight into the database: the API's rate limit is not what these tests are about. */
    static long product(Fixtures.TestTenant t, String sku, String nombre, String precio, boolean activo) {
        return new ProductoRepository(TestDatabase.get().dsl()).create(t.id(),
                new ProductoInput(sku, nombre, "", precio, new BigDecimal(precio), activo));
    }

    @Test
    void headersSortBothWaysKeepTheFiltersAndAnUnknownColumnIsTheDefault() {
        var t = Fixtures.tenant();
        product(t, "B-1", "Banana", "300", true);
        product(t, "A-1", "Arroz", "900", true);
        product(t, "C-1", "Café", "100", true);
        product(t, "Z-1", "Zapallo", "50", false);
        Browser admin = new Browser().signedIn(t.admin());
        assertOrder(admin.get("/productos").body(), "Arroz", "Banana", "Café");
        String asc = admin.get("/productos?sort=precio&dir=asc").body();
        assertOrder(asc, "Café", "Banana", "Arroz");
        assertFalse(asc.contains("Zapallo"), "the estado filter still applies");
        assertTrue(asc.contains("aria-sort=\"ascending\""));
        assertTrue(asc.contains("href=\"/productos?sort=precio&amp;dir=desc\""), "the active header turns the order around");
        String desc = admin.get("/productos?sort=precio&dir=desc").body();
        assertOrder(desc, "Arroz", "Banana", "Café");
        assertTrue(desc.contains("<input type=\"hidden\" name=\"sort\" value=\"precio\"><input type=\"hidden\" name=\"dir\" value=\"desc\">"),
                "filtering again keeps the order");
        String filtered = admin.get("/productos?estado=todos&sort=precio&dir=asc").body();
        assertOrder(filtered, "Zapallo", "Café", "Banana", "Arroz");
        assertTrue(filtered.contains("href=\"/productos?estado=todos&amp;sort=nombre&amp;dir=asc\""), "header links keep the filters");
        HttpResponse<String> unknown = admin.get("/productos?sort=precio%3B+drop+table+productos&dir=sideways");
        assertEquals(200, unknown.statusCode());
        assertOrder(unknown.body(), "Arroz", "Banana", "Café");
        assertEquals(200, admin.get("/productos?sort=nombre&dir=sideways").statusCode());
    }

    @Test
    void theCsvIsTheFilteredSortedListWholeWithFormulasDisarmedAndOnlyThisTenants() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        long pan60 = 0;
        for (int i = 1; i <= 60; i++) pan60 = product(t, "PAN-" + i, "Pan " + i, i + "00", true);
        long received = pan60;
        TestDatabase.get().dsl().transaction(cfg -> new StockLedger().append(cfg.dsl(), t.id(), null,
                List.of(StockLedger.Movimiento.entrada(received, 7, "CSV"))));
        product(t, "EVIL", "=HYPERLINK(\"http://evil\";\"clic\")", "1290.5", true);
        product(t, "OFF", "Pan viejo", "10", false);
        product(other, "PAN-X", "Pan de otra tienda", "1", true);
        Browser admin = new Browser().signedIn(t.admin());
        assertTrue(admin.get("/productos?q=pan").body().contains("href=\"/productos.csv?q=pan&amp;sort=nombre&amp;dir=asc\""), "the export link keeps the filters and the sort");
        HttpResponse<String> csv = admin.get("/productos.csv?q=pan&sort=precio&dir=desc");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"productos-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFFid;SKU;Nombre;Precio;Estado;Disponible;Reservado;Vendido;Total;Mínimo\r\n"), body.substring(0, 40));
        List<String> lines = body.lines().toList();
        assertEquals(61, lines.size(), "the header and 60 rows, more than one page (50), no inactive and no other tenant's");
        assertTrue(lines.get(1).matches("\\d+;PAN-60;Pan 60;6000,00;Activo;7;0;0;7;0"), lines.get(1));
        assertTrue(lines.get(60).endsWith(";PAN-1;Pan 1;100,00;Activo;0;0;0;0;0"), lines.get(60));
        assertFalse(body.contains("otra tienda"));
        String evil = admin.get("/productos.csv?q=evil").body();
        assertTrue(evil.contains(";EVIL;\"'=HYPERLINK(\"\"http://evil\"\";\"\"clic\"\")\";1290,50;"), evil);
        assertEquals(2, new Browser().signedIn(other.admin()).get("/productos.csv").body().lines().count());
        assertEquals(200, new Browser().signedIn(t.vendedor()).get("/productos.csv").statusCode(), "staff may export what they may see");
    }

    @Test
    void duplicatePrefillsACopyWithoutTheSkuAndSaveAndAddReturnsToAnEmptyForm() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        long id = product(t, "LECHE", "Leche entera", "1290", true);
        Browser admin = new Browser().signedIn(t.admin());
        assertTrue(admin.get("/productos").body().contains("href=\"/productos/" + id + "/duplicate\""));
        String copy = admin.get("/productos/" + id + "/duplicate").body();
        assertTrue(copy.contains("value=\"Leche entera (copia)\""), "the name says it is a copy");
        String price = new dev.mostrador.platform.web.Format(t.tenant()).amount(new BigDecimal("1290"));
        assertTrue(copy.contains("value=\"" + price + "\""), "the price is copied, written as the shop writes money: " + price);
        assertTrue(copy.contains("name=\"sku\" value=\"\"") || copy.contains("name=\"sku\"") && !copy.contains("value=\"LECHE\""), "the SKU is left empty");
        assertTrue(copy.contains("action=\"/productos\""), "it creates a new product");
        assertEquals(404, new Browser().signedIn(other.admin()).get("/productos/" + id + "/duplicate").statusCode());
        assertEquals(403, new Browser().signedIn(t.vendedor()).get("/productos/" + id + "/duplicate").statusCode());

        assertTrue(admin.get("/productos/new").body().contains("name=\"next\" value=\"new\""));
        Map<String, String> form = FormData.producto("LECHE-2", "Leche entera (copia)", "1290");
        form.put("next", "new");
        HttpResponse<String> saved = admin.post("/productos", form);
        assertEquals(303, saved.statusCode());
        assertEquals("/productos/new", saved.headers().firstValue("Location").orElseThrow());
        String next = admin.get("/productos/new").body();
        assertTrue(next.contains("Producto Leche entera (copia) creado."), "a flash says it was saved");
        assertFalse(next.contains("value=\"LECHE-2\""), "the form is empty again");
        assertEquals("/productos", admin.post("/productos", FormData.producto("LECHE-3", "Otra", "1")).headers().firstValue("Location").orElseThrow());
    }
}
