package dev.mostrador.promotions;

import dev.mostrador.catalog.ProductoInput;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mostrador.support.HtmlOrder.assertOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sortable columns, CSV export, "Duplicar" and "Guardar y agregar otro" on the ofertas list. */
class OfertaListTest {

    static Map<String, String> form(String titulo, int startsInDays) {
        Map<String, String> f = new HashMap<>();
        f.put("titulo", titulo);
        f.put("desde", LocalDate.now().plusDays(startsInDays) + "T00:00");
        f.put("hasta", LocalDate.now().plusDays(startsInDays + 30) + "T23:59");
        f.put("tipo", "nxm");
        f.put("compra_cantidad", "3");
        f.put("paga_cantidad", "2");
        f.put("activa", "true");
        return f;
    }

    @Test
    void titleAndDatesSortBothWaysAndTheCsvFollows() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(303, admin.post("/ofertas", form("Bebidas 3x2", -2)).statusCode());
        assertEquals(303, admin.post("/ofertas", form("Arroz 3x2", -1)).statusCode());
        assertEquals(303, admin.post("/ofertas", form("Cerveza 3x2", -3)).statusCode());
        assertEquals(303, admin.post("/ofertas", form("-1+1 Oferta", -4)).statusCode());
        assertEquals(303, new Browser().signedIn(other.admin()).post("/ofertas", form("Ajena 3x2", 0)).statusCode());
        admin.get("/ofertas"); // takes the flash, which names the last one
        assertOrder(admin.get("/ofertas").body(), "Arroz 3x2", "Bebidas 3x2", "Cerveza 3x2", "-1+1 Oferta");
        assertOrder(admin.get("/ofertas?sort=titulo&dir=asc").body(), "-1+1 Oferta", "Arroz 3x2", "Bebidas 3x2", "Cerveza 3x2");
        String desc = admin.get("/ofertas?q=3x2&sort=titulo&dir=desc").body();
        assertOrder(desc, "Cerveza 3x2", "Bebidas 3x2", "Arroz 3x2");
        assertTrue(desc.contains("aria-sort=\"descending\""));
        assertFalse(desc.contains("-1+1 Oferta"), "the search still applies");
        assertOrder(admin.get("/ofertas?sort=desde&dir=asc").body(), "-1+1 Oferta", "Cerveza 3x2", "Bebidas 3x2", "Arroz 3x2");
        assertOrder(admin.get("/ofertas?sort=nope&dir=asc").body(), "Arroz 3x2", "Bebidas 3x2", "Cerveza 3x2");

        HttpResponse<String> csv = admin.get("/ofertas.csv?q=3x2&sort=titulo&dir=desc");
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertEquals(4, lines.size(), csv.body());
        assertTrue(lines.get(0).startsWith("\uFEFFid;Título;"), lines.get(0));
        assertTrue(lines.get(1).matches("\\d+;Cerveza 3x2;Lleve N pague M;\\d{4}-\\d{2}-\\d{2} 00:00;\\d{4}-\\d{2}-\\d{2} 23:59;Activa"), lines.get(1));
        assertTrue(admin.get("/ofertas.csv").body().contains(";'-1+1 Oferta;"), "a title starting with - is not a formula");
        assertFalse(admin.get("/ofertas.csv").body().contains("Ajena"), "only this tenant's ofertas");
    }

    @Test
    void duplicateOpensTheCreateFormWithAnInactiveCopyAndSaveAndAddComesBack() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        new ProductoRepository(TestDatabase.get().dsl()).create(t.id(),
                new ProductoInput("VASO", "Vaso", "", "500", new BigDecimal("500"), true));
        Browser admin = new Browser().signedIn(t.admin());
        Map<String, String> original = form("Vasos de regalo", 1);
        original.put("tipo", "regalo");
        original.put("regalo_sku", "VASO");
        original.put("regalo_cantidad", "1");
        original.put("productos_skus", "VASO");
        original.put("next", "new");
        HttpResponse<String> saved = admin.post("/ofertas", original);
        assertEquals(303, saved.statusCode());
        assertEquals("/ofertas/new", saved.headers().firstValue("Location").orElseThrow(), "Guardar y agregar otro");
        String empty = admin.get("/ofertas/new").body();
        assertTrue(empty.contains("Oferta «Vasos de regalo» creada."));
        assertFalse(empty.contains("value=\"Vasos de regalo\""));

        String list = admin.get("/ofertas").body();
        String href = list.substring(list.indexOf("/ofertas/", list.indexOf("data-testid=\"ofertas-table\"")));
        long id = Long.parseLong(href.substring("/ofertas/".length(), href.indexOf('/', "/ofertas/".length())));
        assertTrue(list.contains("href=\"/ofertas/" + id + "/duplicate\""));
        String copy = admin.get("/ofertas/" + id + "/duplicate").body();
        assertTrue(copy.contains("value=\"Vasos de regalo (copia)\""));
        assertTrue(copy.contains("value=\"VASO\""), "the gift and the products are copied");
        assertTrue(copy.contains("action=\"/ofertas\""), "it creates a new oferta");
        assertTrue(admin.get("/ofertas/" + id + "/edit").body().contains("name=\"activa\" value=\"true\" checked"), "the original is active");
        assertFalse(copy.contains("name=\"activa\" value=\"true\" checked"), "a copy starts inactive");
        assertEquals(404, new Browser().signedIn(other.admin()).get("/ofertas/" + id + "/duplicate").statusCode());
        assertEquals(403, new Browser().signedIn(t.vendedor()).get("/ofertas/" + id + "/duplicate").statusCode());
    }

    @Test
    void aDuplicatedPriceRuleIsWrittenAsTheShopWritesMoney() {
        var t = Fixtures.tenant();
        new ProductoRepository(TestDatabase.get().dsl()).create(t.id(),
                new ProductoInput("PAN", "Pan", "", "1000", new BigDecimal("1000"), true));
        Browser admin = new Browser().signedIn(t.admin());
        Map<String, String> original = form("Pan por cantidad", 1);
        original.put("tipo", "precio_cantidad");
        original.put("reglas_cantidad", "3");
        original.put("reglas_precio", "2490");
        original.put("productos_skus", "PAN");
        assertEquals(303, admin.post("/ofertas", original).statusCode());
        long id = TestDatabase.get().dsl().fetchValue("SELECT id FROM ofertas WHERE tenant_id = ?::uuid", t.id()) instanceof Number n ? n.longValue() : -1;
        String price = new dev.mostrador.platform.web.Format(t.tenant()).amount(new BigDecimal("2490"));
        assertTrue(admin.get("/ofertas/" + id + "/duplicate").body().contains("value=\"" + price + "\""), "the rule's price as " + price);
    }
}
