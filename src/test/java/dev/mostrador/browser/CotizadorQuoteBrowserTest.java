package dev.mostrador.browser;

import dev.mostrador.platform.web.Format;
import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mostrador.browser.OfertasPage.API_DATE;
import static dev.mostrador.browser.OfertasPage.cartRow;
import static dev.mostrador.support.Chromium.clickAndWait;
import static dev.mostrador.support.ChromiumUser.heading;
import static dev.mostrador.support.ChromiumUser.signIn;
import static dev.mostrador.support.OfertasData.oferta;
import static dev.mostrador.support.OfertasData.postOk;
import static dev.mostrador.support.OfertasData.producto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's flow 5 in headless Chromium: the Cotizador quotes what the API quotes and marks an unknown SKU.
 */
@WithChromium
class CotizadorQuoteBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    /** Flow 5: the Cotizador's total is the API's total for the same cart; an unknown SKU is a 422 on its row. */
    @Test
    void cotizadorQuotesLikeTheApiAndMarksAnUnknownSku() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long harina = producto(admin, "HARINA-1", "Harina 1 kg", "1290");
        long aceite = producto(admin, "ACEITE-1", "Aceite de maravilla 1 L", "2590");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        String desde = now.minusDays(1).format(API_DATE);
        String hasta = now.plusDays(5).format(API_DATE);
        Map<String, Object> diezPorCiento = new LinkedHashMap<>(Map.of("descuento_porcentaje", 10));
        diezPorCiento.put("productos", List.of(harina));
        postOk(admin, "/api/ofertas", oferta("Harina 10% OFF", "porcentaje", desde, hasta, true, diezPorCiento));
        Map<String, Object> tresPorDos = new LinkedHashMap<>(Map.of("compra_cantidad", 3, "paga_cantidad", 2));
        tresPorDos.put("productos", List.of(aceite));
        postOk(admin, "/api/ofertas", oferta("Aceite 3x2", "nxm", desde, hasta, true, tresPorDos));

        signIn(t.oficina());
        clickAndWait(By.cssSelector("nav.sidebar a[href='/cotizador']"));
        assertEquals("Cotizador", heading());
        cartRow(0, "HARINA-1", "4");
        cartRow(1, "aceite-1", "3");
        clickAndWait(By.cssSelector("[data-testid=cotizar]"));

        assertEquals(200, Chromium.documentStatus());
        WebElement quote = browser.findElement(By.cssSelector("[data-testid=quote]"));
        assertEquals(2, quote.findElements(By.cssSelector("tbody tr")).size(), quote.getText());
        Api.Response api = Api.as(t.oficina()).post("/api/ofertas/cotizar", Map.of("lineas", List.of(
                Map.of("producto_id", harina, "cantidad", 4), Map.of("producto_id", aceite, "cantidad", 3))));
        assertEquals(200, api.status(), String.valueOf(api.json()));
        BigDecimal total = api.json().get("total").decimalValue();
        assertTrue(total.compareTo(api.json().get("subtotal").decimalValue()) < 0, "both ofertas discount something");
        Format format = new Format(t.tenant());
        assertEquals(format.money(total), browser.findElement(By.cssSelector("[data-testid=total]")).getText());
        assertEquals(format.money(api.json().get("subtotal").decimalValue()), quote.findElement(By.cssSelector("dl.totals dd")).getText());
        assertTrue(quote.getText().contains("Harina 10% OFF") && quote.getText().contains("Aceite 3x2"), quote.getText());
        Chromium.screenshotFullPage("ofertas-09-cotizador-quote-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-09-cotizador-quote-phone");
        long cotizadorOverflow = Chromium.horizontalOverflow();
        Chromium.desktop();

        // An unknown SKU: 422, the row says why, nothing is quoted, what was typed stays.
        cartRow(1, "NO-EXISTE", "2");
        clickAndWait(By.cssSelector("[data-testid=cotizar]"));
        assertEquals(422, Chromium.documentStatus());
        assertTrue(browser.findElements(By.cssSelector("[data-testid=quote]")).isEmpty(), "no quote for a bad cart");
        assertTrue(browser.findElement(By.cssSelector(".error-summary")).getText().contains("Corrija las filas marcadas."));
        List<WebElement> bad = browser.findElements(By.cssSelector("tr.has-error"));
        assertEquals(1, bad.size());
        assertEquals("No hay un producto activo con SKU «NO-EXISTE».", bad.get(0).findElement(By.cssSelector(".error")).getText());
        assertEquals("NO-EXISTE", bad.get(0).findElement(By.name("sku")).getDomProperty("value"));
        assertEquals("HARINA-1", browser.findElements(By.name("sku")).get(0).getDomProperty("value"));
        Chromium.screenshotFullPage("ofertas-10-cotizador-error-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-10-cotizador-error-phone");
        Chromium.desktop();

        System.out.printf("[browser tests] cotizador at 390 px overflows sideways by %d px%n", cotizadorOverflow);
    }
}
