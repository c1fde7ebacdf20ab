package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.catalog.ProductoInput;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.web.Decimals;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, "money that does not add up": every quote the Cotizador page and the API show adds up
 * (each line's gross − discount = net, the lines' sums = the totals) in CLP (no decimals) and UYU
 * (2 decimals), and explanations write amounts as the tenant writes money.
 */
class CotizadorMoneyTest {
    private static final Pattern ROW = Pattern.compile("(?s)<tr><td data-label=.*?</tr>");
    private static final Pattern NUM = Pattern.compile("(?s)class=\"num\"[^>]*>(.*?)</(?:td|dd)>");

    @Test
    void pesosChilenosAddUpEvenForAPriceStoredWithCents() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        // The product: saved with cents before prices were checked against the currency.
        long legacy = new ProductoRepository(TestDatabase.get().dsl()).create(t.id(),
                new ProductoInput("LEGACY", "Producto viejo", "", "1990.50", new BigDecimal("1990.50"), true));
        long cafe = OfertasData.producto(admin, "CAFE", "12990");
        long leche = OfertasData.producto(admin, "LECHE", "1290");
        ofertas(admin, legacy, cafe, leche, "990");

        String page = cotizador(t.oficina(), "LEGACY", "CAFE", "LECHE");
        assertPageAddsUp(page, Locale.forLanguageTag("es-CL"));
        assertTrue(page.contains("$ 5.972") && page.contains("− $ 1.991") && page.contains("$ 3.981"), "the issue's line: " + quote(page));
        assertTrue(page.contains("15% de descuento sobre $ 38.970"), quote(page));
        assertTrue(page.contains("Desde 5 unidades: $ 990 c/u en lugar de $ 1.290"), quote(page));

        JsonNode q = cotizar(t.vendedor(), legacy, cafe, leche);
        assertApiAddsUp(q, 0);
        assertEquals("5972", q.get("lineas").get(0).get("bruto").asText());
        assertEquals("3981", q.get("lineas").get(0).get("neto").asText());
        assertTrue(q.get("explicaciones").toString().contains("sobre $ 38.970"), q.get("explicaciones").toString());
    }

    @Test
    void pesosUruguayosAddUpToTheCent() {
        var t = Fixtures.tenant("UYU", "es-UY", "America/Montevideo");
        Api admin = Api.as(t.admin());
        long legacy = OfertasData.producto(admin, "LEGACY", "1990.50");
        long cafe = OfertasData.producto(admin, "CAFE", "12990.75");
        long leche = OfertasData.producto(admin, "LECHE", "1290.33");
        ofertas(admin, legacy, cafe, leche, "990.50");

        String page = cotizador(t.oficina(), "LEGACY", "CAFE", "LECHE");
        assertPageAddsUp(page, Locale.forLanguageTag("es-UY"));
        assertTrue(page.contains("$ 5.971,50") && page.contains("$ 3.981,00"), quote(page));
        assertTrue(page.contains("15% de descuento sobre $ 38.972,25"), quote(page));
        assertTrue(page.contains("Desde 5 unidades: $ 990,50 c/u en lugar de $ 1.290,33"), quote(page));

        JsonNode q = cotizar(t.vendedor(), legacy, cafe, leche);
        assertApiAddsUp(q, 2);
        assertEquals("5845.84", q.get("lineas").get(1).get("descuento").asText(), "15% of 38972.25 = 5845.8375, half up");
    }

    /** 3 × LEGACY under a 3x2, 3 × CAFE at 15% off, 5 × LECHE at a tier price. */
    private static void ofertas(Api admin, long legacy, long cafe, long leche, String tierPrice) {
        Map<String, Object> nxm = OfertasData.tresPorDos();
        nxm.put("productos", List.of(legacy));
        assertEquals(200, admin.post("/api/ofertas", nxm).status());
        assertEquals(200, admin.post("/api/ofertas", OfertasData.with("porcentaje", "descuento_porcentaje", 15,
                "productos", List.of(cafe))).status());
        Api.Response tiers = admin.post("/api/ofertas", OfertasData.with("precio_cantidad",
                "reglas", List.of(Map.of("cantidad", 5, "precio", tierPrice)), "productos", List.of(leche)));
        assertEquals(200, tiers.status(), String.valueOf(tiers.json()));
    }

    private static String cotizador(String email, String... skus) {
        Browser b = new Browser().signedIn(email);
        var r = b.get("/cotizador?sku=" + skus[0] + "&cantidad=3&sku=" + skus[1] + "&cantidad=3&sku=" + skus[2] + "&cantidad=5");
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static JsonNode cotizar(String email, long... ids) {
        Api.Response r = Api.as(email).post("/api/ofertas/cotizar", Map.of("lineas", List.of(
                Map.of("producto_id", ids[0], "cantidad", 3), Map.of("producto_id", ids[1], "cantidad", 3),
                Map.of("producto_id", ids[2], "cantidad", 5))));
        assertEquals(200, r.status(), String.valueOf(r.json()));
        return r.json();
    }

    /** Reads the amounts as printed, in the tenant's format, and checks that they add up. */
    static void assertPageAddsUp(String page, Locale locale) {
        String quote = quote(page);
        BigDecimal bruto = BigDecimal.ZERO;
        BigDecimal descuento = BigDecimal.ZERO;
        BigDecimal neto = BigDecimal.ZERO;
        Matcher rows = ROW.matcher(quote);
        int lines = 0;
        while (rows.find()) {
            List<BigDecimal> cells = amounts(rows.group(), locale); // cantidad, precio de lista, descuento, neto
            assertEquals(4, cells.size(), rows.group());
            assertSameAmount(cells.get(3), cells.get(1).subtract(cells.get(2)), "gross − discount = net as printed: " + rows.group());
            bruto = bruto.add(cells.get(1));
            descuento = descuento.add(cells.get(2));
            neto = neto.add(cells.get(3));
            lines++;
        }
        assertEquals(3, lines, quote);
        List<BigDecimal> totals = amounts(quote.substring(quote.indexOf("<dl class=\"facts totals\">")), locale);
        assertEquals(3, totals.size(), quote);
        assertSameAmount(bruto, totals.get(0), "subtotal = sum of the lines as printed");
        assertSameAmount(descuento, totals.get(1), "discount = sum of the lines as printed");
        assertSameAmount(neto, totals.get(2), "total = sum of the lines as printed");
        assertSameAmount(totals.get(2), totals.get(0).subtract(totals.get(1)), "total = subtotal − discount");
    }

    private static List<BigDecimal> amounts(String html, Locale locale) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = NUM.matcher(html);
        while (m.find()) {
            String text = m.group(1).replaceAll("<[^>]+>", "").replace("−", "").trim();
            amounts.add(text.equals("—") ? BigDecimal.ZERO : Decimals.parse(text, locale));
        }
        return amounts;
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual, String message) {
        assertEquals(0, expected.compareTo(actual), message + ": " + expected + " ≠ " + actual);
    }

    private static String quote(String page) {
        int at = page.indexOf("data-testid=\"quote\"");
        assertTrue(at > 0, "a quote is shown");
        return page.substring(at);
    }

    static void assertApiAddsUp(JsonNode q, int scale) {
        BigDecimal bruto = BigDecimal.ZERO;
        BigDecimal descuento = BigDecimal.ZERO;
        BigDecimal neto = BigDecimal.ZERO;
        for (JsonNode l : q.get("lineas")) {
            for (String field : List.of("precio_unitario", "bruto", "descuento", "neto")) {
                assertEquals(scale, l.get(field).decimalValue().scale(), field + " at the currency's minor unit: " + l);
            }
            assertEquals(l.get("neto").decimalValue(), l.get("bruto").decimalValue().subtract(l.get("descuento").decimalValue()), l.toString());
            bruto = bruto.add(l.get("bruto").decimalValue());
            descuento = descuento.add(l.get("descuento").decimalValue());
            neto = neto.add(l.get("neto").decimalValue());
        }
        assertEquals(bruto, q.get("subtotal").decimalValue());
        assertEquals(descuento, q.get("descuento_total").decimalValue());
        assertEquals(neto, q.get("total").decimalValue());
    }
}
