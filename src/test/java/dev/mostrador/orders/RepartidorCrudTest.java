package dev.mostrador.orders;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repartidores' pages and their JSON twin: oficina writes, vendedor reads, another tenant's driver is not found. */
class RepartidorCrudTest {

    @Test
    void oficinaCreatesEditsAndDeactivatesAndTheListFiltersAndSearches() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser oficina = new Browser().signedIn(t.oficina());
        assertTrue(oficina.get("/dashboard").body().contains("href=\"/repartidores\""), "the menu links the repartidores");

        HttpResponse<String> bad = oficina.post("/repartidores", Map.of("nombre", " ", "telefono", "11-abc", "activo", "1"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"nombre-error\""), bad.body());
        assertTrue(bad.body().contains("id=\"telefono-error\""), bad.body());
        assertTrue(bad.body().contains("value=\"11-abc\""), "what was typed is kept");

        HttpResponse<String> created = oficina.post("/repartidores", Map.of("nombre", "Rosa Ruta", "telefono", "+54 11 5555-1234", "activo", "1"));
        assertEquals(303, created.statusCode());
        String list = oficina.get("/repartidores").body();
        assertTrue(list.contains("Repartidor Rosa Ruta creado."), list);
        assertTrue(list.contains("href=\"tel:+541155551234\""), list);
        long id = ((Number) OrderData.dsl().fetchValue("SELECT id FROM repartidores WHERE tenant_id = ? AND nombre = 'Rosa Ruta'", t.id())).longValue();

        String edit = oficina.get("/repartidores/" + id + "/edit").body();
        assertTrue(edit.contains("value=\"Rosa Ruta\""), edit);
        assertTrue(edit.contains("name=\"_csrf\""));
        assertEquals(422, oficina.post("/repartidores/" + id, Map.of("nombre", "x".repeat(201))).statusCode());
        assertEquals(303, oficina.post("/repartidores/" + id, Map.of("nombre", "Rosa Ruta", "telefono", "")).statusCode(),
                "no activo box = deactivated");
        String row = ">Rosa Ruta</a>";
        String afterSave = oficina.get("/repartidores").body();
        assertTrue(afterSave.contains("Repartidor Rosa Ruta guardado."), afterSave);
        assertFalse(afterSave.contains(row), "the list shows active drivers by default");
        assertTrue(oficina.get("/repartidores?estado=inactivos").body().contains(row));
        assertTrue(oficina.get("/repartidores?estado=todos&q=rosa&sort=-nombre").body().contains(row));
        assertFalse(oficina.get("/repartidores?estado=todos&q=zzz").body().contains(row));
    }

    @Test
    void vendedorReadsButDoesNotWrite() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long id = OrderData.repartidor(t.id(), "Víctor Vespa", true);
        Browser vendedor = new Browser().signedIn(t.vendedor());
        String list = vendedor.get("/repartidores").body();
        assertTrue(list.contains("Víctor Vespa"), list);
        assertFalse(list.contains("/repartidores/new"));
        assertEquals(403, vendedor.get("/repartidores/new").statusCode());
        assertEquals(403, vendedor.post("/repartidores/" + id, Map.of("nombre", "Otro")).statusCode());
        assertEquals(200, vendedor.get("/repartidores/" + id + "/hoy").statusCode());
    }

    @Test
    void theApiCreatesReadsUpdatesAndRefusesWithTheFieldNamed() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.staff(t.admin());
        Api.Response bad = admin.post("/api/repartidores", Map.of("nombre", "", "telefono", "abc"), UUID.randomUUID().toString());
        assertEquals(422, bad.status());
        assertTrue(bad.json().toString().contains("nombre") && bad.json().toString().contains("telefono"), bad.json().toString());

        Api.Response created = admin.post("/api/repartidores", Map.of("nombre", "Ana Moto", "telefono", "(011) 4444-0000"), UUID.randomUUID().toString());
        assertEquals(201, created.status(), created.json().toString());
        long id = created.json().get("id").asLong();
        assertTrue(created.json().get("activo").asBoolean());

        Api.Response put = admin.put("/api/repartidores/" + id, Map.of("nombre", "Ana Moto", "activo", false));
        assertEquals(200, put.status(), put.json().toString());
        assertFalse(put.json().get("activo").asBoolean());
        assertEquals("Ana Moto", admin.get("/api/repartidores/" + id).json().get("nombre").asText());
        assertEquals(1, admin.get("/api/repartidores?activo=false").json().size());
        assertEquals(0, admin.get("/api/repartidores?activo=true").json().size());
        assertEquals(422, admin.put("/api/repartidores/" + id, Map.of("nombre", "x".repeat(201))).status());

        Api vendedor = Api.staff(t.vendedor());
        assertEquals(200, vendedor.get("/api/repartidores/" + id).status());
        assertEquals(403, vendedor.put("/api/repartidores/" + id, Map.of("nombre", "Otra")).status());

        Fixtures.TestTenant other = Fixtures.tenant();
        assertEquals(404, Api.staff(other.admin()).get("/api/repartidores/" + id).status());
        assertEquals(404, Api.staff(other.admin()).put("/api/repartidores/" + id, Map.of("nombre", "Robo")).status());
        assertEquals(404, new Browser().signedIn(other.admin()).get("/repartidores/" + id + "/edit").statusCode());
        assertEquals(404, new Browser().signedIn(other.admin()).get("/repartidores/" + id + "/hoy").statusCode());
        assertEquals("Ana Moto", OrderData.dsl().fetchValue("SELECT nombre FROM repartidores WHERE id = ?", id));
    }
}
