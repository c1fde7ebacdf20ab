package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, "plurals everywhere": an English shop's quote explains itself in English, one unit and
 * many, on the API and on the Cotizador page, with the shop's money and digits.
 */
class CotizarEnglishTest {

    /** What each line of the cart below says, in the shop's money (CLP written the en-US way) and digits. */
    private static final List<String> SENTENCES = List.of(
            "From 1 unit: $ 900 each instead of $ 1,000",
            "From 5 units: $ 990 each instead of $ 1,290",
            "3x2: needs 3 units; the cart has 2",
            "3x2: 1,000 units for the price of 667",
            "15% off $ 3,600");

    @Test
    void theApiExplainsAnEnglishShopsQuoteInEnglish() {
        Shop shop = shop();
        List<Map<String, Object>> lineas = new ArrayList<>();
        for (int i = 0; i < shop.ids.length; i++) lineas.add(Map.of("producto_id", shop.ids[i], "cantidad", QUANTITIES[i]));
        Api.Response r = Api.as(shop.tenant.vendedor()).post("/api/ofertas/cotizar", Map.of("lineas", lineas));
        assertEquals(200, r.status(), String.valueOf(r.json()));
        List<String> detalles = new ArrayList<>();
        for (JsonNode e : r.json().get("explicaciones")) detalles.add(e.get("detalle").asText());
        for (String sentence : SENTENCES) assertTrue(detalles.contains(sentence), sentence + " in " + detalles);
        assertSpanishFree(detalles.toString());
    }

    @Test
    void theCotizadorPageExplainsAnEnglishShopsQuoteInEnglish() {
        Shop shop = shop();
        StringBuilder query = new StringBuilder("/cotizador?");
        for (int i = 0; i < SKUS.length; i++) query.append("sku=").append(SKUS[i]).append("&cantidad=").append(QUANTITIES[i]).append('&');
        var page = new Browser().signedIn(shop.tenant.oficina()).get(query.toString());
        assertEquals(200, page.statusCode());
        String explanations = page.body().replaceAll("(?s).*<ul class=\"explanations\">", "").replaceAll("(?s)</ul>.*", "");
        for (String sentence : SENTENCES) assertTrue(explanations.contains(sentence), sentence + " in " + explanations);
        assertSpanishFree(explanations);
    }

    private static void assertSpanishFree(String text) {
        for (String spanish : List.of("unidad", "carrito", "c/u", "descuento", "hacen falta", "pagan")) {
            assertFalse(text.contains(spanish), "«" + spanish + "» in " + text);
        }
    }

    private static final String[] SKUS = {"UNO", "CINCO", "DOS", "MIL", "CAFE"};
    private static final int[] QUANTITIES = {1, 5, 2, 1000, 3};

    private record Shop(Fixtures.TestTenant tenant, long[] ids) {}

    /** A tier from 1 unit, a tier from 5, a 3x2 one line misses and one takes, and a percentage. */
    private static Shop shop() {
        var t = Fixtures.tenant("CLP", "en-US", "America/Santiago");
        Api admin = Api.as(t.admin());
        long[] ids = {
                OfertasData.producto(admin, "UNO", "1000"), OfertasData.producto(admin, "CINCO", "1290"),
                OfertasData.producto(admin, "DOS", "500"), OfertasData.producto(admin, "MIL", "100"),
                OfertasData.producto(admin, "CAFE", "1200")};
        tier(admin, ids[0], 1, "900");
        tier(admin, ids[1], 5, "990");
        Map<String, Object> nxm = OfertasData.tresPorDos();
        nxm.put("productos", List.of(ids[2], ids[3]));
        assertEquals(200, admin.post("/api/ofertas", nxm).status());
        assertEquals(200, admin.post("/api/ofertas", OfertasData.with("porcentaje", "descuento_porcentaje", 15,
                "productos", List.of(ids[4]))).status());
        return new Shop(t, ids);
    }

    private static void tier(Api admin, long producto, int cantidad, String precio) {
        Api.Response r = admin.post("/api/ofertas", OfertasData.with("precio_cantidad",
                "reglas", List.of(Map.of("cantidad", cantidad, "precio", precio)), "productos", List.of(producto)));
        assertEquals(200, r.status(), String.valueOf(r.json()));
    }
}
