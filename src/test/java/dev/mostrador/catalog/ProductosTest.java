package dev.mostrador.catalog;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.FormData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductosTest {

    @Test
    void adminCreatesAndEditsProductsThroughTheForms() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(303, admin.post("/productos", FormData.producto("LECHE-1L", "Leche entera 1 L", "1.290")).statusCode());
        String list = admin.get("/productos").body();
        assertTrue(list.contains("Producto Leche entera 1 L creado."));
        assertTrue(list.contains("$ 1.290"), "es-CL money: " + list);
        long id = Api.as(t.admin()).get("/api/productos?q=leche").json().get(0).get("id").asLong();
        assertEquals("1290.00", Api.as(t.admin()).get("/api/productos/" + id).json().get("precio").asText());
        Map<String, String> off = FormData.producto("LECHE-1L", "Leche entera 1 L", "1.350");
        off.remove("activo");
        assertEquals(303, admin.post("/productos/" + id, off).statusCode());
        assertFalse(admin.get("/productos").body().contains("LECHE-1L"), "inactive products leave the default list");
        assertTrue(admin.get("/productos?estado=inactivos").body().contains("LECHE-1L"));
    }

    @Test
    void invalidProductsAre422AndSkusAreUniquePerTenant() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        var bad = admin.post("/productos", FormData.producto("con espacio", "", "-5"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"sku-error\"") && bad.body().contains("id=\"nombre-error\"") && bad.body().contains("id=\"precio-error\""));
        assertEquals(303, admin.post("/productos", FormData.producto("PAN", "Pan", "990")).statusCode());
        var dup = admin.post("/productos", FormData.producto("pan", "Pan otra vez", "990"));
        assertEquals(422, dup.statusCode());
        assertTrue(dup.body().contains("Ya existe un producto con ese SKU"));
        assertEquals(201, Api.as(other.admin()).post("/api/productos", Map.of("sku", "PAN", "nombre", "Pan", "precio", 1)).status(),
                "another tenant may use the same SKU");
        Api.Response api = Api.as(t.admin()).post("/api/productos", Map.of("sku", "X", "nombre", "X", "precio", "caro"));
        assertEquals(422, api.status());
        assertTrue(api.json().get("fields").has("precio"));
    }

    @Test
    void staffBrowseAdminsWriteAndTenantsNeverMeet() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        long id = Api.as(t.admin()).post("/api/productos", Map.of("sku", "QUESO", "nombre", "Queso", "precio", 5000)).json().get("id").asLong();
        Browser vendedor = new Browser().signedIn(t.vendedor());
        String list = vendedor.get("/productos").body();
        assertTrue(list.contains("QUESO"));
        assertFalse(list.contains("href=\"/productos/new\""), "no create button for staff");
        assertEquals(403, vendedor.get("/productos/" + id + "/edit").statusCode());
        assertEquals(403, Api.as(t.vendedor()).put("/api/productos/" + id, Map.of("sku", "QUESO", "nombre", "Hack", "precio", 1)).status());
        Api foreign = Api.as(other.admin());
        assertEquals(404, foreign.get("/api/productos/" + id).status());
        assertEquals(404, foreign.put("/api/productos/" + id, Map.of("sku", "QUESO", "nombre", "Hack", "precio", 1)).status());
        assertEquals(404, new Browser().signedIn(other.admin()).get("/productos/" + id + "/edit").statusCode());
        assertEquals("Queso", Api.as(t.admin()).get("/api/productos/" + id).json().get("nombre").asText());
    }
}
