package dev.mostrador.orders;

import dev.mostrador.support.StockRows;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.users.UserRepository;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repartidor's day on the phone and the printed remito, over orders written straight into the tables. */
class DeliveryPagesTest {

    /** An order of 2 × Yerba ($1000) and 1 × Azúcar ($500, 500 off) for $2000, in {@code estado}, delivered {@code entregado} ago. */
    static long pedido(Fixtures.TestTenant t, Long customer, Long repartidor, String estado, String entregado) {
        long user = new UserRepository(dsl()).findForLogin(t.admin()).orElseThrow().getId();
        long a = StockRows.product(t.id(), "YER-" + System.nanoTime(), 0);
        long b = StockRows.product(t.id(), "AZU-" + System.nanoTime(), 0);
        long id = ((Number) dsl().fetchValue("""
                INSERT INTO pedidos (tenant_id, estado, customer_id, user_id, repartidor_id, direccion, telefono, moneda, subtotal, descuento, total, entregado_at)
                VALUES (?, ?, ?, ?, ?, 'Av. Siempreviva 742, depto 3', '+56 9 8765 4321', 'CLP', 2500, 500, 2000, now() - ?::interval) RETURNING id""",
                t.id(), estado, customer, user, repartidor, entregado == null ? "0 s" : entregado)).longValue();
        if (entregado == null) dsl().execute("UPDATE pedidos SET entregado_at = NULL WHERE id = ?", id);
        dsl().execute("""
                INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, descuento, neto)
                VALUES (?, ?, 1, ?, 'YER-1', 'Yerba Mate 1 kg', 1000, 2, 0, 2000), (?, ?, 2, ?, 'AZU-1', 'Azúcar', 500, 1, 500, 0)""",
                t.id(), id, a, t.id(), id, b);
        return id;
    }

    @Test
    void thePhonePageListsTodaysStopsWithAddressPhoneItemsAmountAndADeliveredForm() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long rosa = OrderData.repartidor(t.id(), "Rosa Ruta", true);
        long otro = OrderData.repartidor(t.id(), "Otro", true);
        long cliente = RewardsRows.customer(t, "Carla Cliente", 0);
        long enReparto = pedido(t, cliente, rosa, "en_reparto", null);
        long hoy = pedido(t, cliente, rosa, "entregado", "1 minute");
        long antes = pedido(t, cliente, rosa, "entregado", "3 days");
        long confirmado = pedido(t, cliente, rosa, "confirmado", null);
        long ajeno = pedido(t, cliente, otro, "en_reparto", null);

        Browser vendedor = new Browser().signedIn(t.vendedor());
        String page = vendedor.get("/repartidores/" + rosa + "/hoy").body();
        assertTrue(page.contains("data-testid=\"delivery-" + enReparto + "\""), page);
        assertTrue(page.contains("data-testid=\"delivery-" + hoy + "\""), "delivered today stays on the page");
        assertFalse(page.contains("delivery-" + antes + "\""), "delivered another day is gone");
        assertFalse(page.contains("delivery-" + confirmado + "\""), "not out yet");
        assertFalse(page.contains("delivery-" + ajeno + "\""), "another driver's");
        assertTrue(page.indexOf("delivery-" + enReparto + "\"") < page.indexOf("delivery-" + hoy + "\""), "still to deliver first");
        assertTrue(page.contains("Av. Siempreviva 742, depto 3"));
        assertTrue(page.contains("href=\"tel:+56987654321\""), page);
        assertTrue(page.contains("Carla Cliente"));
        assertTrue(page.contains("2 × Yerba Mate 1 kg") && page.contains("1 × Azúcar"), page);
        assertTrue(page.contains("$ 2.000"), page);
        assertTrue(page.contains("1 por entregar · 1 entregado hoy"), page);

        String form = page.substring(page.indexOf("<form method=\"post\" action=\"/pedidos/" + enReparto + "/entregar\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertTrue(form.contains("name=\"_csrf\" value=\""), form);
        assertTrue(form.contains("name=\"volver\" value=\"/repartidores/" + rosa + "/hoy\""), form);
        assertTrue(form.contains("data-testid=\"entregar-" + enReparto + "\""), form);
        assertFalse(page.contains("/pedidos/" + hoy + "/entregar"), "a delivered order has no button");

        HttpResponse<String> delivered = vendedor.post("/pedidos/" + enReparto + "/entregar", java.util.Map.of("volver", "/repartidores/" + rosa + "/hoy"));
        assertEquals(303, delivered.statusCode());
        assertEquals("/repartidores/" + rosa + "/hoy", delivered.headers().firstValue("Location").orElseThrow());
        assertTrue(vendedor.get("/repartidores/" + rosa + "/hoy").body().contains("0 por entregar · 2 entregados hoy"));
    }

    @Test
    void theRemitoShowsShopCustomerDriverLinesTotalsAndSignatureAndPrintsWithoutTheMenu() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long rosa = OrderData.repartidor(t.id(), "Rosa Ruta", true);
        long id = pedido(t, RewardsRows.customer(t, "Carla Cliente", 0), rosa, "en_reparto", null);
        HttpResponse<String> r = new Browser().signedIn(t.vendedor()).get("/pedidos/" + id + "/remito");
        assertEquals(200, r.statusCode());
        String page = r.body();
        assertTrue(page.contains("data-testid=\"shop-name\">" + t.tenant().name()), page);
        assertTrue(page.contains("Pedido #" + id), page);
        assertTrue(page.contains("Carla Cliente") && page.contains("Av. Siempreviva 742") && page.contains("+56 9 8765 4321"));
        assertTrue(page.contains("data-testid=\"remito-repartidor\">Rosa Ruta"), page);
        assertTrue(page.contains("YER-1") && page.contains("Yerba Mate 1 kg") && page.contains("AZU-1"), page);
        assertTrue(page.contains("$ 1.000") && page.contains("$ 2.500") && page.contains("− $ 500"), page);
        assertTrue(page.contains("data-testid=\"remito-total\"><strong>$ 2.000"), page);
        assertTrue(page.contains("Recibí conforme"), page);
        String css = new Browser().get("/static/css/app.css").body();
        assertTrue(css.contains("@media print") && css.contains(".sidebar, .skip"), "the menu is not printed");

        assertTrue(new Browser().signedIn(t.vendedor()).get("/pedidos/" + id).body().contains("href=\"/pedidos/" + id + "/remito\""),
                "the order page links its remito");

        Fixtures.TestTenant other = Fixtures.tenant();
        assertEquals(404, new Browser().signedIn(other.admin()).get("/pedidos/" + id + "/remito").statusCode());
    }
}
