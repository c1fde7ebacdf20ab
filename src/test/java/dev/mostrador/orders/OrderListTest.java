package dev.mostrador.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.StockRows;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The orders list: filters, search by number or customer, keyset pages, totals of the filtered set, the CSV. */
class OrderListTest {

    @Test
    void filtersSearchPagesTotalsAndTheCsvAgree() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.staff(t.admin());
        long a = StockRows.product(t.id(), "LIS-A", 1_000);
        long carla = RewardsRows.customer(t, "Carla Lista", 0);
        long[] ids = new long[55];
        for (int i = 0; i < 55; i++) ids[i] = OrderData.place(admin, i % 5 == 0 ? carla : null, Map.of(a, 1)).get("id").asLong();
        assertEquals(200, OrderData.step(admin, ids[0], "cancelar", "").status());

        JsonNode all = admin.get("/api/pedidos").json();
        assertEquals(50, all.get("items").size());
        assertEquals(ids[54], all.get("items").get(0).get("id").asLong(), "newest first");
        assertEquals(55, all.get("totals").get("count").asLong());
        assertEquals(0, all.get("totals").get("total").decimalValue().compareTo(new java.math.BigDecimal(55_000)));
        JsonNode rest = admin.get("/api/pedidos?after=" + all.get("next_cursor").asLong()).json();
        assertEquals(5, rest.get("items").size());
        assertTrue(rest.get("next_cursor").isNull());
        assertEquals(1, admin.get("/api/pedidos?estado=cancelado").json().get("totals").get("count").asLong());
        assertEquals(11, admin.get("/api/pedidos?customer_id=" + carla).json().get("totals").get("count").asLong());
        assertEquals(11, admin.get("/api/pedidos?q=lista").json().get("totals").get("count").asLong(), "by the customer's name");
        assertEquals(ids[7], admin.get("/api/pedidos?q=%23" + ids[7]).json().get("items").get(0).get("id").asLong(), "by number");

        Browser page = new Browser().signedIn(t.vendedor());
        String html = page.get("/pedidos?estado=cancelado").body();
        assertTrue(html.contains("href=\"/pedidos/" + ids[0] + "\""), html);
        assertTrue(html.contains("1 pedido · total $ 1.000"), html);
        assertTrue(html.contains("href=\"/pedidos\""), "in the menu");
        String first = page.get("/pedidos").body();
        assertTrue(first.contains("data-testid=\"older\""));
        assertFalse(first.contains("href=\"/pedidos/" + ids[0] + "\""), "the oldest is on the next page");
        HttpResponse<String> csv = page.get("/pedidos.csv?customer_id=" + carla);
        assertEquals(200, csv.statusCode());
        assertEquals(12, csv.body().split("\r\n").length, "the header and the 11 orders of Carla");
        assertTrue(csv.body().contains("Carla Lista"));

        Fixtures.TestTenant other = Fixtures.tenant();
        assertEquals(0, Api.staff(other.admin()).get("/api/pedidos").json().get("totals").get("count").asLong());
    }
}
