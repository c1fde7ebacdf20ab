package dev.mostrador.browser;

import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 10: "the Neto column wraps '$ / 33.124' at 1280 px". Amounts in the quote never break across lines. */
@WithChromium
class CotizadorBrowserTest {
    @Test
    void amountsStayOnOneLineAt1280Pixels() {
        ChromeDriver browser = Chromium.driver();
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        String[] skus = {"QUESO-GOUDA-LAMINADO-500", "CAFE-GRANO-ORIGEN-UNICO", "ACEITE-OLIVA-EXTRA-VIRGEN"};
        List<Long> ids = new java.util.ArrayList<>();
        for (String sku : skus) {
            Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "precio", "16562",
                    "nombre", "Producto de nombre muy largo " + sku.toLowerCase().replace('-', ' ') + " para la vitrina"));
            assertEquals(201, r.status(), String.valueOf(r.json()));
            ids.add(r.json().get("id").asLong());
        }
        Map<String, Object> oferta = new HashMap<>();
        oferta.put("titulo", "Liquidación de fin de temporada con descuento especial para clientes frecuentes del local");
        oferta.put("desde", LocalDate.now().minusDays(1) + "T00:00:00");
        oferta.put("hasta", LocalDate.now().plusDays(7) + "T23:59:59");
        oferta.put("tipo", "porcentaje");
        oferta.put("descuento_porcentaje", 12.5);
        assertEquals(200, admin.post("/api/ofertas", oferta).status());

        ChromiumUser.signIn(t.oficina());
        StringBuilder cart = new StringBuilder("/cotizador?");
        for (String sku : skus) cart.append("sku=").append(sku).append("&cantidad=2&");
        Chromium.open(cart.toString());
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=quote]")));

        assertEquals(1280, Chromium.viewportWidth(), "desktop width");
        Chromium.screenshotFullPage("cotizador-desktop");
        assertEquals(List.of(), wrappedAmounts(browser), "amounts broken across lines at 1280 px");
        Chromium.phone();
        Chromium.screenshotFullPage("cotizador-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");
    }

    /** The text of every money cell whose text lays out on more than one line. */
    @SuppressWarnings("unchecked")
    private static List<String> wrappedAmounts(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('[data-testid=quote] td.num')].filter(td => {
                  const range = document.createRange();
                  range.selectNodeContents(td);
                  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  return tops.size > 1;
                }).map(td => td.textContent.trim());""");
    }
}
