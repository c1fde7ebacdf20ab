package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.mostrador.support.JsonAssert.ids;
import static dev.mostrador.support.OfertasData.DESDE;
import static dev.mostrador.support.OfertasData.HASTA;
import static dev.mostrador.support.OfertasData.producto;
import static dev.mostrador.support.OfertasData.tresPorDos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's JSON contract, replayed. */
class OfertasApiTest {
    @Test
    void theSeedsThreeForTwoRequestWorksAsWritten() throws Exception {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        Api.Response r = admin.post("/api/ofertas", tresPorDos());
        assertEquals(200, r.status(), String.valueOf(r.json()));
        JsonNode o = r.json();
        List<String> fields = List.of("id", "titulo", "descripcion", "desde", "hasta", "activa", "tipo", "descuento_porcentaje",
                "reglas", "compra_cantidad", "paga_cantidad", "regalo_producto_id", "regalo_cantidad", "productos");
        List<String> actual = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(actual::add);
        assertEquals(fields, actual, "exactly the seed's fields, in its order");
        assertEquals("3x2 Especial", o.get("titulo").asText());
        assertTrue(o.get("descripcion").isNull());
        assertEquals(DESDE, o.get("desde").asText());
        assertEquals(HASTA, o.get("hasta").asText());
        assertTrue(o.get("activa").asBoolean());
        assertEquals("nxm", o.get("tipo").asText());
        assertTrue(o.get("descuento_porcentaje").isNull());
        assertTrue(o.get("reglas").isNull());
        assertEquals(3, o.get("compra_cantidad").asInt());
        assertEquals(2, o.get("paga_cantidad").asInt());
        assertTrue(o.get("regalo_producto_id").isNull());
        assertEquals(1, o.get("regalo_cantidad").asInt());
        assertTrue(o.get("productos").isArray() && o.get("productos").isEmpty());

        long id = o.get("id").asLong();
        assertEquals(Api.JSON.readTree(o.toString()), admin.get("/api/ofertas/" + id).json(), "GET answers what POST stored");
        assertTrue(ids(new Api().get("/api/ofertas/activas?tenant=" + t.tenant().slug()).json()).contains(id));
    }

    @Test
    void productosNullMissingAndListAllMeanNone() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long p1 = producto(admin, "A-1", "100");
        long p2 = producto(admin, "A-2", "200");
        Map<String, Object> withNull = tresPorDos();
        withNull.put("productos", null);
        assertEquals("[]", admin.post("/api/ofertas", withNull).json().get("productos").toString());
        Map<String, Object> withList = tresPorDos();
        withList.put("productos", List.of(p2, p1, p2));
        assertEquals("[" + p1 + "," + p2 + "]", admin.post("/api/ofertas", withList).json().get("productos").toString());
        Map<String, Object> withObjects = tresPorDos();
        withObjects.put("productos", List.of(Map.of("producto_id", p1)));
        assertEquals("[" + p1 + "]", admin.post("/api/ofertas", withObjects).json().get("productos").toString());
    }

    @Test
    void allFourTypesRoundTrip() {
        var t = Fixtures.tenant("UYU", "es-UY", "America/Montevideo"); // a tier price with cents
        Api admin = Api.as(t.admin());
        long gift = producto(admin, "GIFT", "990");
        Map<String, Object> pct = tresPorDos();
        pct.put("tipo", "porcentaje");
        pct.put("descuento_porcentaje", 12.5);
        pct.put("descripcion", "Todo el catálogo");
        assertEquals("12.5", admin.post("/api/ofertas", pct).json().get("descuento_porcentaje").asText());
        Map<String, Object> tiers = tresPorDos();
        tiers.put("tipo", "precio_cantidad");
        tiers.put("reglas", List.of(Map.of("cantidad", 10, "precio", 80), Map.of("cantidad", 1, "precio", 100), Map.of("cantidad", 5, "precio", "90.50")));
        JsonNode r = admin.post("/api/ofertas", tiers).json();
        assertEquals("[{\"cantidad\":1,\"precio\":100.00},{\"cantidad\":5,\"precio\":90.50},{\"cantidad\":10,\"precio\":80.00}]", r.get("reglas").toString());
        assertTrue(r.get("compra_cantidad").isNull(), "fields of other types are not stored");
        Map<String, Object> regalo = tresPorDos();
        regalo.put("tipo", "regalo");
        regalo.put("regalo_producto_id", gift);
        regalo.put("regalo_cantidad", 2);
        JsonNode g = admin.post("/api/ofertas", regalo).json();
        assertEquals(gift, g.get("regalo_producto_id").asLong());
        assertEquals(2, g.get("regalo_cantidad").asInt());
    }

    @Test
    void updateAndDeleteDropTheActiveCacheAtOnce() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long id = admin.post("/api/ofertas", tresPorDos()).json().get("id").asLong();
        String activas = "/api/ofertas/activas?tenant=" + t.tenant().slug();
        assertTrue(ids(new Api().get(activas).json()).contains(id));
        Map<String, Object> paused = tresPorDos();
        paused.put("activa", false);
        paused.put("titulo", "3x2 pausado");
        Api.Response put = admin.put("/api/ofertas/" + id, paused);
        assertEquals(200, put.status());
        assertEquals("3x2 pausado", put.json().get("titulo").asText());
        assertFalse(ids(new Api().get(activas).json()).contains(id), "paused: gone from the public list immediately");
        paused.put("activa", true);
        admin.put("/api/ofertas/" + id, paused);
        assertTrue(ids(new Api().get(activas).json()).contains(id));
        assertEquals(200, admin.delete("/api/ofertas/" + id).status());
        assertFalse(ids(new Api().get(activas).json()).contains(id));
        assertEquals(404, admin.get("/api/ofertas/" + id).status());
        assertEquals(404, admin.delete("/api/ofertas/" + id).status());
    }

    @Test
    void adminSeesAllStaffSeeActiveOnly() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long active = admin.post("/api/ofertas", tresPorDos()).json().get("id").asLong();
        Map<String, Object> expired = tresPorDos();
        expired.put("desde", "2020-01-01T00:00:00");
        expired.put("hasta", "2020-01-31T23:59:59");
        long old = admin.post("/api/ofertas", expired).json().get("id").asLong();
        Map<String, Object> later = tresPorDos();
        later.put("desde", LocalDate.now().plusDays(30) + "T00:00:00");
        later.put("hasta", LocalDate.now().plusDays(40) + "T00:00:00");
        long scheduled = admin.post("/api/ofertas", later).json().get("id").asLong();

        assertEquals(List.of(scheduled, active, old), ids(admin.get("/api/ofertas").json()), "admin: all, newest desde first");
        assertEquals("3", admin.get("/api/ofertas").header("X-Total-Count"));
        assertEquals(List.of(old), ids(admin.get("/api/ofertas?estado=vencida").json()));
        for (String staff : List.of(t.oficina(), t.vendedor())) {
            Api api = Api.as(staff);
            assertEquals(List.of(active), ids(api.get("/api/ofertas").json()));
            assertEquals(200, api.get("/api/ofertas/" + active).status());
            assertEquals(404, api.get("/api/ofertas/" + old).status(), "not active: not there for staff");
            assertEquals(404, api.get("/api/ofertas/" + scheduled).status());
        }
        assertEquals(List.of(active), ids(new Api().get("/api/ofertas/activas?tenant=" + t.tenant().slug()).json()));
    }

    @Test
    void anotherTenantsOfertaIsNotFound() {
        var mine = Fixtures.tenant();
        var theirs = Fixtures.tenant();
        long id = Api.as(theirs.admin()).post("/api/ofertas", tresPorDos()).json().get("id").asLong();
        Api admin = Api.as(mine.admin());
        assertEquals(404, admin.get("/api/ofertas/" + id).status());
        assertEquals(404, admin.put("/api/ofertas/" + id, tresPorDos()).status());
        assertEquals(404, admin.delete("/api/ofertas/" + id).status());
        assertFalse(ids(admin.get("/api/ofertas").json()).contains(id));
        assertEquals(200, Api.as(theirs.admin()).get("/api/ofertas/" + id).status(), "still there for its owner");
        long foreignProduct = producto(Api.as(theirs.admin()), "THEIRS", "10");
        Map<String, Object> pointing = tresPorDos();
        pointing.put("productos", List.of(foreignProduct));
        Api.Response r = admin.post("/api/ofertas", pointing);
        assertEquals(422, r.status(), "cannot point at another tenant's product");
        assertTrue(r.json().get("fields").has("productos"));
    }

    @Test
    void publicActiveListNeedsNoLoginAndKnowsTenants() {
        var t = Fixtures.tenant();
        assertEquals(200, new Api().get("/api/ofertas/activas?tenant=" + t.tenant().slug()).status());
        assertEquals(200, new Api().get("/api/ofertas/activas").status(), "default tenant when omitted");
        assertEquals(404, new Api().get("/api/ofertas/activas?tenant=no-such-shop").status());
        assertEquals(401, new Api().get("/api/ofertas").status());
        assertEquals(401, new Api().post("/api/ofertas", tresPorDos()).status());
    }

    @Test
    void publicActiveListIsTheSameGzippedOrNotWithItsLengthEveryTime() throws Exception {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        assertEquals(200, admin.post("/api/ofertas", tresPorDos()).status());
        java.net.URI uri = java.net.URI.create(dev.mostrador.support.TestApp.baseUrl() + "/api/ofertas/activas?tenant=" + t.tenant().slug());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        byte[] plain = null;
        for (int i = 0; i < 3; i++) { // the cached body is shared: every answer must be whole
            var p = http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            var g = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, p.statusCode());
            assertEquals(200, g.statusCode());
            assertTrue(p.headers().firstValue("Content-Encoding").isEmpty());
            assertEquals("gzip", g.headers().firstValue("Content-Encoding").orElseThrow());
            assertEquals(String.valueOf(p.body().length), p.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(String.valueOf(g.body().length), g.headers().firstValue("Content-Length").orElseThrow());
            assertTrue(p.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("Accept-Encoding", g.headers().firstValue("Vary").orElseThrow());
            byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(g.body())).readAllBytes();
            assertEquals(new String(p.body(), java.nio.charset.StandardCharsets.UTF_8), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
            if (plain != null) assertEquals(new String(plain), new String(p.body()));
            plain = p.body();
        }
        assertEquals("3x2 Especial", Api.JSON.readTree(plain).get(0).get("titulo").asText());
    }
}
