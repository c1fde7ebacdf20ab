package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.FormData;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.StockRows.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reservations' list and release by hand, over the API and the pages; the TTL set on /ajustes. */
class ReservationApiTest {

    @Test
    void listFiltersAndReleaseByHand() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long a = StockRows.product(t.id(), "RS-A", 10);
        long b = StockRows.product(t.id(), "RS-B", 10);
        Api vendedor = Api.staff(t.vendedor());
        Api oficina = Api.staff(t.oficina());
        vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 2));
        vendedor.post("/api/carrito/agregar", Map.of("product_id", b, "quantity", 3));
        JsonNode reservas = vendedor.post("/api/carrito/checkout", "").json().get("reservas");
        long ra = reservas.get(0).get("id").asLong();

        Api.Response all = vendedor.get("/api/reservas");
        assertEquals(200, all.status());
        assertEquals("2", all.header("X-Total-Count"));
        JsonNode first = all.json().get(0);
        for (String f : List.of("id", "product_id", "sku", "producto", "cantidad", "estado", "expires_at", "created_at", "closed_at", "seconds_left")) {
            assertTrue(first.has(f), f);
        }
        assertEquals(1, vendedor.get("/api/reservas?product_id=" + a).json().size());
        assertEquals(2, vendedor.get("/api/reservas?estado=pendiente&expiring_within=15").json().size());
        assertEquals(0, vendedor.get("/api/reservas?expiring_within=1").json().size(), "15 minutes left on each");
        assertEquals(1, vendedor.get("/api/reservas?limit=1&offset=1").json().size());
        Api.Response bad = vendedor.get("/api/reservas?estado=vendida&expiring_within=0&limit=x");
        assertEquals(422, bad.status());
        assertTrue(bad.json().get("fields").has("estado") && bad.json().get("fields").has("expiring_within") && bad.json().get("fields").has("limit"));

        assertEquals(403, vendedor.post("/api/reservas/" + ra + "/liberar", "").status(), "a seller reads, never releases");
        Api.Response released = oficina.post("/api/reservas/" + ra + "/liberar", "", UUID.randomUUID().toString());
        assertEquals(200, released.status(), () -> released.json().toString());
        assertEquals("liberada", released.json().get("estado").asText());
        assertEquals(0, StockRows.stock(t.id(), a).reservado());
        Api.Response twice = oficina.post("/api/reservas/" + ra + "/liberar", "");
        assertEquals(409, twice.status());
        assertEquals("liberada", twice.json().get("estado").asText());
        assertEquals(404, oficina.post("/api/reservas/987654321/liberar", "").status());
        assertEquals(404, Api.staff(Fixtures.tenant().admin()).post("/api/reservas/" + reservas.get(1).get("id").asLong() + "/liberar", "").status());
        assertEquals(1, vendedor.get("/api/reservas?estado=liberada").json().size());
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void pagesReserveAndReleaseWithoutJavaScript() {
        Fixtures.TestTenant t = Fixtures.tenant();
        StockRows.product(t.id(), "PG-A", 1);
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(303, admin.post("/carrito/agregar", Map.of("sku", "PG-A", "cantidad", "2")).statusCode());
        HttpResponse<String> bad = admin.post("/carrito/agregar", Map.of("sku", "NOPE", "cantidad", "1,5"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("NOPE"), "the SKU named beside its field");
        HttpResponse<String> cart = admin.get("/carrito");
        assertTrue(cart.body().contains("PG-A"));
        HttpResponse<String> shortage = admin.post("/carrito/reservar", Map.of());
        assertEquals(409, shortage.statusCode());
        assertTrue(shortage.body().contains("data-testid=\"shortages\""));
        long product = ((Number) dsl().fetchValue("SELECT id FROM productos WHERE tenant_id = ? AND sku = 'PG-A'", t.id())).longValue();
        assertEquals(303, admin.post("/carrito/linea", Map.of("producto_id", String.valueOf(product), "cantidad", "1")).statusCode());
        HttpResponse<String> reserved = admin.post("/carrito/reservar", Map.of());
        assertEquals(303, reserved.statusCode());
        String location = reserved.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/inventario/reservas?carrito="), location);
        HttpResponse<String> list = admin.get(location);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("PG-A"));
        long id = (Long) dsl().fetchValue("SELECT id FROM reservas WHERE tenant_id = ?", t.id());
        assertEquals(200, admin.get("/inventario/reservas/" + id + "/liberar").statusCode());
        assertEquals(303, admin.post("/inventario/reservas/" + id + "/liberar", Map.of()).statusCode());
        assertEquals(0, StockRows.stock(t.id(), product).reservado());
        assertEquals(403, new Browser().signedIn(t.vendedor()).post("/inventario/reservas/" + id + "/liberar", Map.of()).statusCode());
    }

    @Test
    void theTenantsReservationTimeIsSetOnTheSettingsPage() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long a = StockRows.product(t.id(), "TTL-A", 5);
        Browser admin = new Browser().signedIn(t.admin());
        assertTrue(admin.get("/ajustes").body().contains("name=\"reserva_ttl_minutos\" type=\"number\" value=\"15\""));
        Map<String, String> form = FormData.shopSettings();
        for (String bad : List.of("0", "1441", "-5", "1.5", "", "quince")) {
            form.put("reserva_ttl_minutos", bad);
            assertEquals(422, admin.post("/ajustes", form).statusCode(), bad);
        }
        form.put("reserva_ttl_minutos", "30");
        assertEquals(303, admin.post("/ajustes", form).statusCode());
        Api vendedor = Api.staff(t.vendedor());
        vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 1));
        JsonNode done = vendedor.post("/api/carrito/checkout", "").json();
        assertEquals(30, done.get("ttl_minutos").asInt());
        form.remove("reserva_ttl_minutos");
        assertEquals(303, admin.post("/ajustes", form).statusCode(), "a form without the field keeps the minutes");
        assertEquals(30, (Integer) dsl().fetchValue("SELECT reserva_ttl_minutos FROM tenants WHERE id = ?", t.id()));
    }
}
