package dev.mostrador.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.support.StockRows.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 003's cart and checkout over HTTP, field for field, priced by the ofertas. */
class CartApiTest {
    private Fixtures.TestTenant t;
    private Api admin;
    private Api vendedor;

    @BeforeEach
    void setUp() {
        t = Fixtures.tenant();
        admin = Api.staff(t.admin());
        vendedor = Api.staff(t.vendedor());
    }

    @Test
    void addPricesTheCartAndCheckoutReservesItsLinesAndGifts() {
        long a = StockRows.product(t.id(), "CAR-A", 10);
        long gift = StockRows.product(t.id(), "CAR-G", 5);
        Map<String, Object> tresPorDos = OfertasData.tresPorDos();
        tresPorDos.put("productos", List.of(a));
        OfertasData.postOk(admin, "/api/ofertas", tresPorDos);
        OfertasData.postOk(admin, "/api/ofertas", OfertasData.with("regalo", "titulo", "Regalo", "regalo_producto_id", gift,
                "regalo_cantidad", 1, "productos", List.of(a)));

        Api.Response added = vendedor.post("/api/carrito/agregar/", Map.of("product_id", a, "quantity", 3), UUID.randomUUID().toString());
        assertEquals(201, added.status(), () -> added.json().toString());
        JsonNode cart = added.json();
        assertTrue(cart.get("id").asLong() > 0);
        assertEquals(3, cart.get("total_items").asInt());
        assertEquals(0, cart.get("total").decimalValue().compareTo(new java.math.BigDecimal("2000")), cart.toString());
        JsonNode line = cart.get("items").get(0);
        assertEquals(a, line.get("product_id").asLong());
        assertEquals("CAR-A", line.get("sku").asText());
        assertEquals("Producto CAR-A", line.get("name").asText());
        assertEquals(3, line.get("quantity").asInt());
        assertEquals(0, line.get("unit_price").decimalValue().compareTo(new java.math.BigDecimal("1000")));
        assertEquals("3x2 Especial", line.get("oferta").get("title").asText());
        assertNotNull(line.get("oferta").get("explanation").textValue(), line.toString());
        assertEquals(0, line.get("discount").decimalValue().compareTo(new java.math.BigDecimal("1000")));
        assertEquals(0, line.get("net").decimalValue().compareTo(new java.math.BigDecimal("2000")));
        JsonNode giftLine = cart.get("items").get(1);
        assertEquals(gift, giftLine.get("product_id").asLong());
        assertTrue(giftLine.get("gift").asBoolean());
        assertEquals(cart, vendedor.get("/api/carrito/").json(), "GET answers the same cart");

        String key = UUID.randomUUID().toString();
        Api.Response done = vendedor.post("/api/carrito/checkout/", "", key);
        assertEquals(200, done.status(), () -> done.json().toString());
        assertEquals("Stock reservado exitosamente", done.json().get("message").asText());
        assertEquals(15, done.json().get("ttl_minutos").asInt());
        assertEquals(4, done.json().get("total_items").asInt(), "3 units and the gift");
        JsonNode reservas = done.json().get("reservas");
        assertEquals(2, reservas.size());
        assertEquals("Producto CAR-A", reservas.get(0).get("producto").asText());
        assertEquals(3, reservas.get(0).get("cantidad").asInt());
        assertTrue(reservas.get(0).get("id").asLong() > 0);
        assertTrue(reservas.get(0).get("expires_at").asText().endsWith("Z"), reservas.toString());
        assertEquals(3, StockRows.stock(t.id(), a).reservado());
        assertEquals(1, StockRows.stock(t.id(), gift).reservado(), "the gift's unit is held too");

        Api.Response replay = vendedor.post("/api/carrito/checkout/", "", key);
        assertEquals(200, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        Api.Response again = vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString());
        assertEquals(409, again.status(), () -> again.json().toString());
        assertEquals("cart_already_checked_out", again.json().get("error").asText());
        assertEquals(3, StockRows.stock(t.id(), a).reservado(), "nothing reserved twice");
        assertTrue(vendedor.get("/api/carrito").json().get("id").isNull(), "no open cart until something is added");
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void notEnoughStockNamesEachProductAndChangesNothing() {
        long a = StockRows.product(t.id(), "SH-A", 2);
        long b = StockRows.product(t.id(), "SH-B", 5);
        assertEquals(201, vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 3)).status());
        assertEquals(201, vendedor.post("/api/carrito/agregar", Map.of("product_id", b, "quantity", 1)).status());
        Api.Response refused = vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString());
        assertEquals(409, refused.status());
        assertEquals("not_enough_stock", refused.json().get("error").asText());
        assertTrue(refused.json().get("message").asText().contains("SH-A"), refused.json().toString());
        JsonNode l = refused.json().get("lines");
        assertEquals(1, l.size());
        assertEquals(a, l.get(0).get("product_id").asLong());
        assertEquals("SH-A", l.get(0).get("sku").asText());
        assertEquals("Producto SH-A", l.get(0).get("producto").asText());
        assertEquals(3, l.get(0).get("pedido").asInt());
        assertEquals(2, l.get(0).get("disponible").asInt());
        assertEquals(0, StockRows.stock(t.id(), a).reservado());
        assertEquals(0, StockRows.stock(t.id(), b).reservado());

        Api.Response changed = vendedor.put("/api/carrito/items/" + a, Map.of("quantity", 2));
        assertEquals(200, changed.status(), () -> changed.json().toString());
        assertEquals(3, changed.json().get("total_items").asInt());
        assertEquals(200, vendedor.post("/api/carrito/checkout", "").status(), "the same cart, once it fits");
    }

    @Test
    void changeRemoveEmptyAndAssignACustomer() {
        long a = StockRows.product(t.id(), "CH-A", 0);
        long b = StockRows.product(t.id(), "CH-B", 0);
        vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 2));
        Api.Response twice = vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 3));
        assertEquals(5, twice.json().get("items").get(0).get("quantity").asInt(), "adding again adds units to the line");
        vendedor.post("/api/carrito/agregar", Map.of("product_id", b, "quantity", 1));
        Api.Response removed = vendedor.delete("/api/carrito/items/" + a);
        assertEquals(200, removed.status());
        assertEquals(1, removed.json().get("items").size());
        assertEquals(404, vendedor.delete("/api/carrito/items/" + a).status(), "no such line any more");

        long customer = dev.mostrador.support.RewardsData.of(t).customer("Ana Cliente", 0);
        Api.Response assigned = vendedor.put("/api/carrito/cliente", Map.of("customer_id", customer));
        assertEquals(200, assigned.status(), () -> assigned.json().toString());
        assertEquals("Ana Cliente", assigned.json().get("customer").get("name").asText());
        long otherCustomer = dev.mostrador.support.RewardsData.of(Fixtures.tenant()).customer("Otro", 0);
        assertEquals(404, vendedor.put("/api/carrito/cliente", Map.of("customer_id", otherCustomer)).status());

        Api.Response emptied = vendedor.post("/api/carrito/vaciar", Map.of());
        assertEquals(200, emptied.status());
        assertEquals(0, emptied.json().get("items").size());
        Api.Response empty = vendedor.post("/api/carrito/checkout", "");
        assertEquals(422, empty.status());
        assertEquals("empty_cart", empty.json().get("error").asText());
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        long a = StockRows.product(t.id(), "BAD-A", 10);
        long inactive = StockRows.product(t.id(), "BAD-I", 10);
        dsl().execute("UPDATE productos SET activo = false WHERE id = ?", inactive);
        long foreign = StockRows.product(Fixtures.tenant().id(), "BAD-F", 10);
        for (Object q : new Object[]{0, -1, 1.5, 1_000_001, "2", "dos"}) {
            Api.Response r = vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", q));
            assertEquals(422, r.status(), () -> q + ": " + r.json());
            assertTrue(r.json().get("fields").has("quantity"), () -> q + ": " + r.json());
        }
        assertEquals(422, vendedor.post("/api/carrito/agregar", Map.of("product_id", a)).status());
        Api.Response unknown = vendedor.post("/api/carrito/agregar", Map.of("product_id", 987654321, "quantity", 1));
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("fields").has("product_id"));
        assertEquals(404, vendedor.post("/api/carrito/agregar", Map.of("product_id", foreign, "quantity", 1)).status(), "another tenant's product");
        Api.Response off = vendedor.post("/api/carrito/agregar", Map.of("product_id", inactive, "quantity", 1));
        assertEquals(422, off.status());
        assertTrue(off.json().get("fields").get("product_id").asText().contains("inactive"));
        assertEquals(422, vendedor.post("/api/carrito/agregar", "[1]").status(), "not an object");
        assertEquals(201, vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 999_999)).status());
        assertEquals(422, vendedor.post("/api/carrito/agregar", Map.of("product_id", a, "quantity", 2)).status(), "the line would pass 1,000,000");
        assertEquals(422, vendedor.put("/api/carrito/items/" + a, Map.of("quantity", 0)).status());
        assertEquals(404, vendedor.put("/api/carrito/items/" + foreign, Map.of("quantity", 1)).status());
        assertEquals(999_999, vendedor.get("/api/carrito").json().get("total_items").asInt());
        assertEquals(10, StockRows.stock(t.id(), a).disponible(), "a cart holds no stock until checkout");
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void aNonStaffCallerIsRefused() {
        assertEquals(401, new Api().post("/api/carrito/agregar", Map.of("product_id", 1, "quantity", 1)).status());
    }
}
