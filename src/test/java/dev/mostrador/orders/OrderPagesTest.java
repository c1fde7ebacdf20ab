package dev.mostrador.orders;

import dev.mostrador.inventory.StockCheck;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order page and its actions as plain forms: 303 back to the order with a flash, refusals said in words. */
class OrderPagesTest {

    @Test
    void theCartsConfirmarPedidoPlacesTheOrderAndItsPageShowsLinesHistoryAndActions() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.staff(t.admin());
        long a = StockRows.product(t.id(), "PAG-A", 10);
        Map<String, Object> tresPorDos = OfertasData.tresPorDos();
        tresPorDos.put("productos", List.of(a));
        OfertasData.postOk(admin, "/api/ofertas", tresPorDos);
        long repartidor = OrderData.repartidor(t.id(), "Rafa Reparto", true);
        Browser vendedor = new Browser().signedIn(t.vendedor());

        HttpResponse<String> empty = vendedor.post("/carrito/pedido", Map.of());
        assertEquals(303, empty.statusCode());
        assertTrue(vendedor.get("/carrito").body().contains("No hay un carrito con productos para confirmar."));

        assertEquals(303, vendedor.post("/carrito/agregar", Map.of("sku", "PAG-A", "cantidad", "3")).statusCode());
        assertTrue(vendedor.get("/carrito").body().contains("data-testid=\"confirmar-pedido\""));
        HttpResponse<String> placed = vendedor.post("/carrito/pedido", Map.of());
        assertEquals(303, placed.statusCode(), placed.body());
        String location = placed.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/pedidos/".length()));
        String page = vendedor.get(location).body();
        assertTrue(page.contains("Pedido #" + id + " confirmado."), page);
        assertTrue(page.contains("3x2 Especial"), page);
        assertTrue(page.contains("Confirmado"), page);
        assertTrue(page.contains("data-testid=\"entregar\""));
        assertTrue(page.contains("Rafa Reparto"), "the assign form lists the active repartidores");
        assertEquals(3, StockRows.stock(t.id(), a).vendido());

        long inactive = OrderData.repartidor(t.id(), "Iván Inactivo", false);
        assertEquals(303, vendedor.post("/pedidos/" + id + "/asignar", Map.of("repartidor_id", String.valueOf(inactive))).statusCode());
        String refused = vendedor.get("/pedidos/" + id).body();
        assertTrue(refused.contains("Ese repartidor está inactivo"), refused);
        assertFalse(refused.contains("Iván Inactivo"), "only active repartidores are offered");
        HttpResponse<String> assigned = vendedor.post("/pedidos/" + id + "/asignar", Map.of("repartidor_id", String.valueOf(repartidor)));
        assertEquals(303, assigned.statusCode());
        assertTrue(vendedor.get("/pedidos/" + id).body().contains("En reparto"));

        assertTrue(vendedor.get("/pedidos/" + id + "/cancelar").body().contains("data-testid=\"confirm-cancelar\""));
        assertEquals(303, vendedor.post("/pedidos/" + id + "/cancelar", Map.of()).statusCode());
        HttpResponse<String> late = vendedor.post("/pedidos/" + id + "/entregar", Map.of("volver", "/pedidos"));
        assertEquals(303, late.statusCode());
        assertEquals("/pedidos", late.headers().firstValue("Location").orElseThrow(), "a local volver is followed");
        String after = vendedor.get("/pedidos/" + id).body();
        assertTrue(after.contains("El pedido #" + id + " está Cancelado: no admite esa acción."), after);
        assertFalse(after.contains("data-testid=\"entregar\""), "a cancelled order offers no actions");
        assertEquals(10, StockRows.stock(t.id(), a).disponible());

        HttpResponse<String> offsite = vendedor.post("/pedidos/" + id + "/entregar", Map.of("volver", "//evil.test/x"));
        assertEquals("/pedidos/" + id, offsite.headers().firstValue("Location").orElseThrow());

        Fixtures.TestTenant other = Fixtures.tenant();
        assertEquals(404, new Browser().signedIn(other.admin()).get("/pedidos/" + id).statusCode());
        assertEquals(List.of(), new StockCheck(dsl()).drifts(t.id()));
    }

    @Test
    void aReturnAsksFirstAndSaysWhetherTheGoodsAreFitForSale() {
        Fixtures.TestTenant t = Fixtures.tenant();
        OrderData.lumisRule(t.id(), "100");
        long a = StockRows.product(t.id(), "DEV-A", 5);
        long customer = RewardsRows.customer(t, "Dora", 0);
        long id = OrderData.place(Api.staff(t.admin()), customer, Map.of(a, 2)).get("id").asLong();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(303, admin.post("/pedidos/" + id + "/entregar", Map.of()).statusCode());
        String delivered = admin.get("/pedidos/" + id).body();
        assertTrue(delivered.contains("data-testid=\"lumis\">20"), delivered);
        String confirm = admin.get("/pedidos/" + id + "/devolver").body();
        assertTrue(confirm.contains("name=\"apto_venta\""), confirm);
        assertEquals(303, admin.post("/pedidos/" + id + "/devolver", Map.of("apto_venta", "false")).statusCode());
        assertTrue(admin.get("/pedidos/" + id).body().contains("Devuelto"));
        assertEquals(2, StockRows.stock(t.id(), a).vendido(), "not fit for sale");
        assertEquals(0, RewardsRows.balance(t, customer));
        assertEquals(1, dsl().fetchCount(dsl().selectFrom("fact_accumulations").where("tenant_id = ? AND pedido_id = ? AND kind = 'adjust'",
                t.id(), id)));
        assertEquals(404, admin.get("/pedidos/" + (id + 1_000_000)).statusCode());
    }
}
