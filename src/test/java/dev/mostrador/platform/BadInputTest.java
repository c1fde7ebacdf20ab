package dev.mostrador.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input PostgreSQL cannot store or Java cannot hold is refused at the edge, naming the field: a
 * NUL in any text (forms, JSON, queries, paths), and numbers such as 1e309 or 1e-400.
 */
class BadInputTest {

    @Test
    void aNulInTheLoginFormIs422NamingTheField() {
        Browser b = new Browser();
        b.get("/login");
        HttpResponse<String> r = b.post("/login", Map.of("email", "admin\u0000@localhost", "password", "x"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("«email»") && r.body().contains("NUL"), r.body());
    }

    @Test
    void aNulInASearchOrAPathIs400() {
        Browser b = new Browser().signedIn(Fixtures.tenant().admin());
        HttpResponse<String> search = b.get("/ofertas?q=a%00b");
        assertEquals(400, search.statusCode());
        assertTrue(search.body().contains("«q»"), search.body());
        assertEquals(400, b.get("/productos/1%00/edit").statusCode());
        HttpResponse<String> code = new Browser().get("/r/ABC%00DEF");
        assertTrue(code.statusCode() == 400 || code.statusCode() == 404, "public landing: " + code.statusCode());
    }

    @Test
    void aNulInJsonIs422NamingTheField() {
        Api api = Api.as(Fixtures.tenant().admin());
        Api.Response r = api.post("/api/productos", "{\"sku\":\"N-1\",\"nombre\":\"Pan\\u0000\",\"precio\":1990}");
        assertEquals(422, r.status(), String.valueOf(r.json()));
        assertEquals("validation_failed", r.json().get("error").asText());
        assertTrue(r.json().get("fields").has("nombre"), String.valueOf(r.json()));
        Api.Response nested = api.post("/api/ofertas/cotizar", "{\"lineas\":[{\"producto_id\":\"1\\u0000\",\"cantidad\":1}]}");
        assertEquals(422, nested.status());
        assertTrue(nested.json().get("fields").has("lineas[0].producto_id"), String.valueOf(nested.json()));
    }

    @Test
    void numbersBeyondRangeAre422NamingTheField() {
        Api api = Api.as(Fixtures.tenant().admin());
        for (String precio : new String[] {"1e309", "-1e309", "1e999999999", "99999999999999999999", "\"1e309\""}) {
            Api.Response r = api.post("/api/productos", "{\"sku\":\"BIG-1\",\"nombre\":\"Pan\",\"precio\":" + precio + "}");
            assertEquals(422, r.status(), precio + " -> " + r.json());
            assertTrue(r.json().get("fields").has("precio"), precio + " -> " + r.json());
        }
        JsonNode tiny = api.post("/api/productos", "{\"sku\":\"TINY-1\",\"nombre\":\"Pan\",\"precio\":1e-400}").json();
        JsonNode thousandth = api.post("/api/productos", "{\"sku\":\"TINY-2\",\"nombre\":\"Pan\",\"precio\":0.001}").json();
        assertTrue(tiny.get("fields").has("precio") && thousandth.get("fields").has("precio"),
                "1e-400 is refused like 0.001, not stored as 0.00: " + tiny + " / " + thousandth);
    }

    @Test
    void numbersBeyondRangeInAFormAre422() {
        Browser b = new Browser().signedIn(Fixtures.tenant().admin());
        HttpResponse<String> r = b.post("/productos", Map.of("sku", "F-1", "nombre", "Pan", "precio", "1e309"));
        assertEquals(422, r.statusCode());
    }
}
