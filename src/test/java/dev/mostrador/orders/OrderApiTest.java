package dev.mostrador.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders over HTTP: placed with their stock sold and their lines frozen, moved through their states, lümis on delivery. */
class OrderApiTest {
    private Fixtures.TestTenant t;
    private Api admin;
    private Api vendedor;

    @BeforeEach
    void setUp() {
        t = Fixtures.tenant();
        admin = Api.staff(t.admin());
        vendedor = Api.staff(t.vendedor());
    }

    @AfterEach
    void countersEqualLedger() {
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void aDirectOrderSellsItsLinesAndGiftsAndKeepsWhatTheyWereSoldAt() {
        long a = StockRows.product(t.id(), "PED-A", 10);
        long gift = StockRows.product(t.id(), "PED-G", 5);
        Map<String, Object> tresPorDos = OfertasData.tresPorDos();
        tresPorDos.put("productos", List.of(a));
        long ofertaId = OfertasData.postOk(admin, "/api/ofertas", tresPorDos).get("id").asLong();
        OfertasData.postOk(admin, "/api/ofertas", OfertasData.with("regalo", "titulo", "Regalo", "regalo_producto_id", gift,
                "regalo_cantidad", 1, "productos", List.of(a)));
        long customer = RewardsRows.customer(t, "Carla Cliente", 0);

        Map<String, Object> body = OrderData.body(customer, Map.of(a, 3));
        body.put("direccion", "Av. Siempre Viva 742");
        Api.Response placed = vendedor.post("/api/pedidos", body, UUID.randomUUID().toString());
        assertEquals(201, placed.status(), () -> placed.json().toString());
        JsonNode o = placed.json();
        long id = o.get("id").asLong();
        assertEquals("confirmado", o.get("estado").asText());
        assertEquals("Carla Cliente", o.get("customer").get("name").asText());
        assertEquals("Vera Vendedora", o.get("taken_by").get("name").asText());
        assertEquals("Av. Siempre Viva 742", o.get("direccion").asText());
        assertEquals("CLP", o.get("currency").asText());
        assertMoney("3000", o.get("subtotal"));
        assertMoney("1000", o.get("discount"));
        assertMoney("2000", o.get("total"));
        JsonNode line = o.get("lines").get(0);
        assertEquals("PED-A", line.get("sku").asText());
        assertEquals(3, line.get("quantity").asInt());
        assertEquals(ofertaId, line.get("oferta").get("id").asLong());
        assertEquals("3x2 Especial", line.get("oferta").get("title").asText());
        assertEquals("nxm", line.get("oferta").get("type").asText());
        assertNotNull(line.get("oferta").get("explanation").textValue(), line.toString());
        assertMoney("2000", line.get("net"));
        JsonNode giftLine = o.get("lines").get(1);
        assertTrue(giftLine.get("gift").asBoolean());
        assertEquals(gift, giftLine.get("product_id").asLong());
        assertMoney("0", giftLine.get("net"));
        assertEquals(1, o.get("events").size());
        assertEquals("confirmado", o.get("events").get(0).get("to").asText());
        assertEquals(3, StockRows.stock(t.id(), a).vendido());
        assertEquals(1, StockRows.stock(t.id(), gift).vendido());
        assertEquals(0, StockRows.stock(t.id(), a).reservado());
        assertEquals(2, dsl().fetchCount(dsl().selectFrom("stock_movimientos")
                .where("tenant_id = ? AND motivo = 'venta' AND documento_tipo = 'pedido' AND documento_id = ?", t.id(), id)));
        assertEquals(2, dsl().fetchCount(dsl().selectFrom("stock_movimientos").where("tenant_id = ? AND motivo <> 'entrada'", t.id())),
                "sold in one step: one movement per product, no reservation made and confirmed");
        assertEquals(0, dsl().fetchCount(dsl().selectFrom("reservas").where("tenant_id = ?", t.id())));

        dsl().execute("UPDATE productos SET nombre = 'Otro', sku = 'OTRO', precio = 5 WHERE id = ?", a);
        dsl().execute("UPDATE ofertas SET titulo = 'Cambiada' WHERE id = ?", ofertaId);
        JsonNode again = vendedor.get("/api/pedidos/" + id).json();
        assertEquals(o.get("lines"), again.get("lines"), "a placed order never changes with its products or ofertas");
        assertEquals(o.get("total"), again.get("total"));
        assertEquals(200, admin.delete("/api/ofertas/" + ofertaId).status());
        assertEquals(o.get("lines"), vendedor.get("/api/pedidos/" + id).json().get("lines"), "nor when the oferta is deleted");
    }

    @Test
    void anIdempotencyKeyPlacesOneOrderAndReplaysItsAnswer() {
        long a = StockRows.product(t.id(), "IDEM-A", 10);
        String key = UUID.randomUUID().toString();
        Api.Response first = vendedor.post("/api/pedidos", OrderData.body(null, Map.of(a, 1)), key);
        Api.Response replay = vendedor.post("/api/pedidos", OrderData.body(null, Map.of(a, 1)), key);
        assertEquals(201, first.status());
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), replay.json().get("id"));
        assertEquals(1, StockRows.stock(t.id(), a).vendido());
        long id = first.json().get("id").asLong();
        String deliver = UUID.randomUUID().toString();
        assertEquals(200, vendedor.post("/api/pedidos/" + id + "/entregar", "", deliver).status());
        assertEquals(200, vendedor.post("/api/pedidos/" + id + "/entregar", "", deliver).status(), "a replayed transition answers as the first time");
        assertEquals(2, vendedor.get("/api/pedidos/" + id).json().get("events").size());
    }

    @Test
    void aCheckedOutCartBecomesOneOrderWhileItsReservationsLive() {
        long a = StockRows.product(t.id(), "CART-A", 10);
        addToCart(vendedor, a, 2);
        assertEquals(200, vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString()).status());
        Api.Response placed = vendedor.post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString());
        assertEquals(201, placed.status(), () -> placed.json().toString());
        assertEquals(2, StockRows.stock(t.id(), a).vendido());
        assertEquals(0, StockRows.stock(t.id(), a).reservado());
        assertTrue(placed.json().get("carrito_id").asLong() > 0);
        Api.Response twice = vendedor.post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString());
        assertEquals(422, twice.status(), () -> twice.json().toString());
        assertEquals(1, dsl().fetchCount(dsl().selectFrom("pedidos").where("tenant_id = ?", t.id())));

        addToCart(vendedor, a, 1);
        assertEquals(200, vendedor.post("/api/carrito/checkout", "", UUID.randomUUID().toString()).status());
        dsl().execute("UPDATE reservas SET expires_at = now() - interval '1 second' WHERE tenant_id = ? AND estado = 'pendiente'", t.id());
        Api.Response late = vendedor.post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString());
        assertEquals(409, late.status(), () -> late.json().toString());
        assertEquals("reservations_expired", late.json().get("error").asText());
        assertTrue(late.json().get("message").asText().contains("expired"), late.json().toString());
        assertEquals(1, dsl().fetchCount(dsl().selectFrom("pedidos").where("tenant_id = ?", t.id())), "nothing placed");
        assertEquals(2, StockRows.stock(t.id(), a).vendido());

        addToCart(vendedor, a, 4); // an open cart: reserved and sold in one step
        Api.Response direct = vendedor.post("/api/pedidos", Map.of("from_cart", true), UUID.randomUUID().toString());
        assertEquals(201, direct.status(), () -> direct.json().toString());
        assertEquals(6, StockRows.stock(t.id(), a).vendido());
    }

    @Test
    void shortStockUnknownCustomersAndLongFieldsAreRefusedByName() {
        long a = StockRows.product(t.id(), "SHORT-A", 1);
        Api.Response refused = vendedor.post("/api/pedidos", OrderData.body(null, Map.of(a, 2)), UUID.randomUUID().toString());
        assertEquals(409, refused.status());
        assertTrue(refused.json().get("message").asText().contains("SHORT-A"), refused.json().toString());
        assertEquals(0, StockRows.stock(t.id(), a).vendido());

        Fixtures.TestTenant other = Fixtures.tenant();
        long theirs = RewardsRows.customer(other, "Ajena", 0);
        assertEquals(404, vendedor.post("/api/pedidos", OrderData.body(theirs, Map.of(a, 1)), UUID.randomUUID().toString()).status());
        long theirProduct = StockRows.product(other.id(), "THEIRS", 5);
        assertEquals(404, vendedor.post("/api/pedidos", OrderData.body(null, Map.of(theirProduct, 1)), UUID.randomUUID().toString()).status());
        Map<String, Object> body = OrderData.body(null, Map.of(a, 1));
        body.put("telefono", "9".repeat(41));
        Api.Response tooLong = vendedor.post("/api/pedidos", body, UUID.randomUUID().toString());
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.json().get("fields").has("telefono"), tooLong.json().toString());

        long mine = OrderData.place(vendedor, null, Map.of(a, 1)).get("id").asLong();
        Api.Response theirView = Api.staff(other.vendedor()).get("/api/pedidos/" + mine);
        assertEquals(404, theirView.status());
        assertEquals(404, OrderData.step(Api.staff(other.admin()), mine, "entregar", Map.of()).status());
        long theirRepartidor = OrderData.repartidor(other.id(), "Ajeno", true);
        assertEquals(404, OrderData.step(admin, mine, "asignar", Map.of("repartidor_id", theirRepartidor)).status());
    }

    @Test
    void deliveryEarnsLumisOnceAndAReturnTakesThemBackButNeverBelowZero() {
        OrderData.lumisRule(t.id(), "100");
        long a = StockRows.product(t.id(), "LUM-A", 10);
        long customer = RewardsRows.customer(t, "Lucía", 0);
        long id = OrderData.place(vendedor, customer, new LinkedHashMap<>(Map.of(a, 2))).get("id").asLong(); // $2000 → 20 lümis
        long repartidor = OrderData.repartidor(t.id(), "Rafa", true);
        long inactive = OrderData.repartidor(t.id(), "Inés", false);
        assertEquals(422, OrderData.step(admin, id, "asignar", Map.of("repartidor_id", inactive)).status());
        Api.Response assigned = OrderData.step(admin, id, "asignar", Map.of("repartidor_id", repartidor));
        assertEquals(200, assigned.status(), () -> assigned.json().toString());
        assertEquals("en_reparto", assigned.json().get("estado").asText());
        assertEquals("Rafa", assigned.json().get("repartidor").get("name").asText());

        Api.Response delivered = OrderData.step(vendedor, id, "entregar", "");
        assertEquals(200, delivered.status(), () -> delivered.json().toString());
        assertEquals(20, delivered.json().get("lumis").get("credited").asInt());
        assertEquals(20, RewardsRows.balance(t, customer));
        assertEquals("Pedido #" + id, dsl().fetchValue("SELECT reason FROM fact_accumulations WHERE tenant_id = ? AND pedido_id = ? AND kind = 'earn'",
                t.id(), id));
        Api.Response again = OrderData.step(vendedor, id, "entregar", "");
        assertEquals(409, again.status());
        assertTrue(again.json().get("message").asText().contains("entregado"), again.json().toString());
        Api.Response cancel = OrderData.step(admin, id, "cancelar", "");
        assertEquals(409, cancel.status());
        assertEquals(20, RewardsRows.balance(t, customer));

        // 15 of the 20 spent: the return takes back the 5 left and records 15 as not given back.
        dsl().transaction(cfg -> new dev.mostrador.rewards.ledger.LedgerRepository(cfg.dsl())
                .append(cfg.dsl(), t.id(), customer, -15, "adjust", "gastados", null, null));
        Api.Response returned = OrderData.step(admin, id, "devolver", Map.of("apto_venta", true));
        assertEquals(200, returned.status(), () -> returned.json().toString());
        assertEquals("devuelto", returned.json().get("estado").asText());
        assertEquals(15, returned.json().get("lumis").get("not_given_back").asInt());
        assertEquals(0, RewardsRows.balance(t, customer));
        assertEquals(0, StockRows.stock(t.id(), a).vendido(), "fit for sale: back in stock");
        assertEquals(10, StockRows.stock(t.id(), a).disponible());
        assertEquals(4, returned.json().get("events").size());
        assertEquals(422, OrderData.step(admin, id, "devolver", Map.of()).status());
    }

    @Test
    void cancellingGivesTheUnitsBackAndAnUnfitReturnDoesNot() {
        long a = StockRows.product(t.id(), "CAN-A", 5);
        long id = OrderData.place(vendedor, null, Map.of(a, 3)).get("id").asLong();
        assertEquals(2, StockRows.stock(t.id(), a).disponible());
        Api.Response cancelled = OrderData.step(admin, id, "cancelar", "");
        assertEquals(200, cancelled.status(), () -> cancelled.json().toString());
        assertEquals(5, StockRows.stock(t.id(), a).disponible());
        assertEquals(1, dsl().fetchCount(dsl().selectFrom("stock_movimientos").where("tenant_id = ? AND motivo = 'cancelacion'", t.id())));
        assertEquals(409, OrderData.step(admin, id, "entregar", "").status());

        long other = OrderData.place(vendedor, null, Map.of(a, 2)).get("id").asLong();
        assertEquals(200, OrderData.step(admin, other, "entregar", "").status());
        assertEquals(200, OrderData.step(admin, other, "devolver", Map.of("apto_venta", false)).status());
        assertEquals(2, StockRows.stock(t.id(), a).vendido(), "not fit for sale: the units stay out");
    }

    static void addToCart(Api api, long product, int units) {
        Api.Response r = api.post("/api/carrito/agregar", Map.of("product_id", product, "quantity", units), UUID.randomUUID().toString());
        assertEquals(201, r.status(), () -> r.json().toString());
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }
}
