package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's "Priority 2: connect ofertas to pedidos", over HTTP with the tenant's real ofertas. */
class CotizarApiTest {

    @Test
    void quotesACartWithTheBestOfertaPerLineAndGiftsOnTop() {
        var t = Fixtures.tenant("UYU", "es-UY", "America/Montevideo"); // a currency with cents
        Api admin = Api.as(t.admin());
        long helado = OfertasData.producto(admin, "HEL", "4990");
        long cafe = OfertasData.producto(admin, "CAF", "1200.50");
        long taza = OfertasData.producto(admin, "TAZA", "3000");
        admin.post("/api/ofertas", OfertasData.tresPorDos());
        Map<String, Object> pct = OfertasData.with("porcentaje", "descuento_porcentaje", 15, "productos", List.of(cafe));
        admin.post("/api/ofertas", pct);
        Map<String, Object> regalo = OfertasData.with("regalo", "regalo_producto_id", taza, "productos", List.of(cafe));
        admin.post("/api/ofertas", regalo);
        Map<String, Object> onlyTaza = OfertasData.with("porcentaje", "descuento_porcentaje", 10, "productos", List.of(taza));
        long untouched = admin.post("/api/ofertas", onlyTaza).json().get("id").asLong();

        Api vendedor = Api.as(t.vendedor());
        Api.Response r = vendedor.post("/api/ofertas/cotizar", Map.of("lineas", List.of(
                Map.of("producto_id", helado, "cantidad", 7), Map.of("producto_id", cafe, "cantidad", 1))));
        assertEquals(200, r.status(), String.valueOf(r.json()));
        JsonNode q = r.json();
        JsonNode first = q.get("lineas").get(0);
        assertEquals("34930.00", first.get("bruto").asText());
        assertEquals("3x2 Especial", first.get("oferta_titulo").asText());
        assertEquals("9980.00", first.get("descuento").asText(), "7 units pay 5");
        JsonNode second = q.get("lineas").get(1);
        assertEquals("180.08", second.get("descuento").asText(), "15% of 1200.50 = 180.075, half-up");
        assertEquals("1", q.get("regalos").get(0).get("cantidad").asText());
        assertEquals(taza, q.get("regalos").get(0).get("producto_id").asLong());
        assertEquals("36130.50", q.get("subtotal").asText());
        assertEquals("10160.08", q.get("descuento_total").asText());
        assertEquals("25970.42", q.get("total").asText());
        assertTrue(q.get("explicaciones").toString().contains("7 unidades pagan 5"));
        assertEquals("[" + untouched + "]", q.get("sin_productos_en_carrito").toString(),
                "an oferta with none of its products in the cart is listed by id only");
        for (JsonNode e : q.get("explicaciones")) {
            assertTrue(e.get("oferta_id").asLong() != untouched, "not among the explanations: " + e);
        }
    }

    @Test
    void badCartsAre422NamingTheLine() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        Api api = Api.as(t.oficina());
        long foreign = OfertasData.producto(Api.as(other.admin()), "FOREIGN", "10");
        assertTrue(api.post("/api/ofertas/cotizar", Map.of("lineas", List.of())).json().get("fields").has("lineas"));
        Api.Response r = api.post("/api/ofertas/cotizar", Map.of("lineas", List.of(Map.of("producto_id", foreign, "cantidad", 1))));
        assertEquals(422, r.status());
        assertTrue(r.json().get("fields").has("lineas[0].producto_id"), "another tenant's product does not exist here");
        Api.Response negative = api.post("/api/ofertas/cotizar", Map.of("lineas", List.of(Map.of("producto_id", 1, "cantidad", -1))));
        assertTrue(negative.json().get("fields").has("lineas[0].cantidad"));
    }

    @Test
    void theCotizadorPageExplainsTheSameQuote() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        OfertasData.producto(admin, "HEL", "4990");
        long cafe = OfertasData.producto(admin, "CAF", "1200");
        admin.post("/api/ofertas", OfertasData.tresPorDos());
        admin.post("/api/ofertas", OfertasData.with("porcentaje", "titulo", "Café feliz", "descuento_porcentaje", 10, "productos", List.of(cafe)));
        Browser b = new Browser().signedIn(t.oficina());
        var page = b.get("/cotizador?sku=hel&cantidad=3&sku=&cantidad=");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("3x2 Especial"));
        assertTrue(page.body().contains("3x2: 3 unidades pagan 2"));
        assertTrue(page.body().contains("1 oferta activa no incluye productos de este carrito"), "folded: the oferta of a product not bought");
        assertTrue(page.body().replaceAll("(?s).*data-testid=\"sin-productos\"", "").contains("Café feliz"));
        assertTrue(page.body().contains("$ 9.980"), "total in the tenant's money format: " + page.body().replaceAll("(?s).*data-testid=\"total\"", "").substring(0, 80));
        var bad = b.get("/cotizador?sku=NOPE&cantidad=1");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("NOPE"));
        // Each field carries its own error: a bad quantity marks the quantity, not the SKU.
        var badQuantity = b.get("/cotizador?sku=HEL&cantidad=-2");
        assertEquals(422, badQuantity.statusCode());
        String row = badQuantity.body().replaceAll("(?s).*<tr class=\"has-error\">", "").replaceAll("(?s)</tr>.*", "");
        assertTrue(row.matches("(?s).*name=\"sku\" value=\"HEL\" aria-label=\"SKU\">\\s*</td>.*"), "the SKU is fine: " + row);
        assertTrue(row.matches("(?s).*name=\"cantidad\"[^>]*aria-invalid=\"true\">\\s*<p class=\"error\">.*"), "the quantity is marked: " + row);
        var both = b.get("/cotizador?sku=NOPE&cantidad=abc");
        assertEquals(2, both.body().split("<p class=\"error\">", -1).length - 1, "both fields of the row are marked");
    }
}
