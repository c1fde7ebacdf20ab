package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Images;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin names the shop, picks its colours and uploads its logo; the public pages wear them. */
@WithChromium
class ShopSettingsBrowserTest {
    @Test
    void theShopsNameLogoAndColoursReachItsPublicPages() throws Exception {
        Fixtures.TestTenant t = Fixtures.tenant();
        ChromeDriver browser = Chromium.driver();
        ChromiumUser.signIn(t.admin());

        Chromium.clickAndWait(By.cssSelector("nav.sidebar a[href='/ajustes']"));
        ChromiumUser.type("name", "Almacén La Esquina");
        ChromiumUser.type("primary_color", "#7a1f5c");
        ChromiumUser.type("accent_color", "#ffd166");
        new Select(browser.findElement(By.id("currency"))).selectByValue("ARS");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-settings]"));
        assertEquals(422, Chromium.documentStatus(), "a new currency needs the box ticked");
        assertTrue(browser.findElement(By.id("currency-error")).getText().contains("no se convierten"));
        Chromium.screenshotFullPage("shop-settings-01-currency-warning-desktop");
        new Select(browser.findElement(By.id("currency"))).selectByValue("CLP");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-settings]"));
        assertEquals("Los ajustes de la tienda se guardaron.", browser.findElement(By.cssSelector(".flash")).getText());

        Path logo = Files.createTempFile("logo", ".png");
        Files.write(logo, Images.widePng());
        browser.findElement(By.id("logo")).sendKeys(logo.toAbsolutePath().toString());
        Chromium.clickAndWait(By.cssSelector("[data-testid=upload-logo]"));
        assertEquals("El logo se guardó.", browser.findElement(By.cssSelector(".flash")).getText());
        assertTrue(imageLoaded(browser, "[data-testid=logo-preview]"));
        Chromium.screenshotFullPage("shop-settings-02-saved-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("shop-settings-03-saved-phone");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();

        var api = dev.mostrador.support.Api.as(t.admin());
        long bebida = api.post("/api/productos", java.util.Map.of("sku", "BEB-15", "nombre", "Bebida cola 1,5 L", "precio", 1800)).json().get("id").asLong();
        api.post("/api/ofertas", java.util.Map.of("titulo", "Bebidas por cantidad", "tipo", "precio_cantidad", "desde", "2026-01-01",
                "hasta", "2030-12-31", "productos", java.util.List.of(bebida),
                "reglas", java.util.List.of(java.util.Map.of("cantidad", 3, "precio", 1290), java.util.Map.of("cantidad", 6, "precio", 990))));
        Chromium.clearCookies();
        Chromium.open("/t/" + t.tenant().slug() + "/ofertas");
        assertEquals("Almacén La Esquina", browser.findElement(By.tagName("h1")).getText());
        assertTrue(imageLoaded(browser, "[data-testid=shop-logo]"), "the logo loads under the CSP");
        assertEquals("rgba(122, 31, 92, 1)", browser.findElement(By.cssSelector(".shop-bar")).getCssValue("background-color"),
                "the colours load from theme.css under the CSP");
        Chromium.screenshotFullPage("shop-settings-04-public-ofertas-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("shop-settings-04-public-ofertas-phone");
        Chromium.desktop();

        RewardsData d = RewardsData.of(t);
        var merchant = d.merchant("Café Central", null);
        String code = d.redeem(d.admin, d.customer("Rosa", "rosa@example.cl", 1000), d.offerAt("Café gratis", merchant.get("merchant_id").asText(), 300))
                .get("redemption_code").asText();
        Chromium.open("/r/" + code);
        assertTrue(imageLoaded(browser, "[data-testid=shop-logo]"));
        Chromium.screenshotFullPage("shop-settings-05-landing-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("shop-settings-06-landing-phone");
        assertEquals(0, Chromium.horizontalOverflow());

        MerchantPortal portal = MerchantPortal.signedIn(merchant.get("api_key").asText());
        Chromium.open("/static/favicon.svg");
        portal.browser().cookies().getCookieStore().getCookies()
                .forEach(c -> browser.manage().addCookie(new Cookie(c.getName(), c.getValue(), "/")));
        Chromium.open("/comercio");
        assertEquals("Almacén La Esquina", browser.findElement(By.cssSelector("[data-testid=shop-name]")).getText());
        Chromium.screenshotFullPage("shop-settings-07-portal-phone");
        assertEquals(0, Chromium.horizontalOverflow());
    }

    private static boolean imageLoaded(ChromeDriver browser, String css) {
        WebElement img = browser.findElement(By.cssSelector(css));
        return (Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img);
    }
}
