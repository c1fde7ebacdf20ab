package dev.mostrador.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.FakeCamera;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium at phone width: the customer's landing page turns "Canjeado" by itself when
 * the merchant confirms (no reload) and then stops polling; the merchant portal shows "Escanear QR"
 * where a camera exists, reads a QR from the (fake) camera with jsQR or with the browser's
 * BarcodeDetector, keeps the typed flow, and lists today's
 * confirmations.
 */
@WithChromium
class LiveBrowserTest {
    private final ChromeDriver browser = Chromium.driver();
    private Object violationWatch;

    @BeforeEach
    void onAPhoneWatchingTheCsp() {
        Chromium.phone();
        // Every page of these tests records what the Content-Security-Policy blocked (htmx, scan.js, jsQR, the video).
        violationWatch = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")).get("identifier");
    }

    @AfterEach
    void stopWatching() {
        browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", violationWatch));
        FakeCamera.blank();
    }

    @Test
    void theLandingPageTurnsConfirmedWithoutAReload() throws Exception {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Heladería En Vivo", null);
        String code = d.redeem(d.admin, d.customer("Rosa Privada", "rosa.vivo@example.cl", 800),
                d.offerAt("Cono doble", shop.get("merchant_id").asText(), 300)).get("redemption_code").asText();

        Chromium.open("/r/" + code);
        assertEquals("Pendiente", ChromiumUser.text("[data-testid=status]"));
        browser.executeScript("window.sameDocument = true;");
        Chromium.waiting().until(x -> polls() >= 2);
        assertEquals(Boolean.TRUE, browser.executeScript("const e = performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/estado'))[1]; return e.transferSize < e.encodedBodySize;"),
                "the second poll was revalidated (304 with the ETag), not sent again");
        assertEquals(200, MerchantPortal.signedIn(shop.get("api_key").asText()).confirm(code).statusCode());

        Chromium.waiting().until(x -> ChromiumUser.text("[data-testid=status]").startsWith("Canjeado el "));
        assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument === true;"), "no reload");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=time-left]")).isEmpty(), "no time left once confirmed");
        assertTrue(browser.findElements(By.cssSelector("[data-testid=valid-until]")).isEmpty(), "nor a validity");
        assertTrue(browser.findElements(By.cssSelector(".rw-help")).isEmpty(), "nor 'show this screen'");
        assertEquals("0.2", browser.executeScript("return getComputedStyle(document.querySelector('.rw-qr')).opacity;"), "the QR fades");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("live-1-landing-confirmed-without-reload-phone");

        assertEquals(List.of(), browser.executeScript("return window.cspViolations;"));
        long polls = polls();
        Thread.sleep(5_000);
        assertEquals(polls, polls(), "polling stopped once confirmed");
    }

    @Test
    void theMerchantScansAQrTypesACodeAndSeesTodaysConfirmations() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Panadería Cámara", null);
        String offer = d.offerAt("Marraqueta gratis", shop.get("merchant_id").asText(), 1200);
        long customer = d.customer("Rosa Privada", "rosa.camara@example.cl", 9000);
        JsonNode typed = d.redeem(d.admin, customer, offer);
        JsonNode scanned = d.redeem(d.admin, customer, offer);
        JsonNode detected = d.redeem(d.admin, customer, offer);

        Chromium.open("/comercio");
        browser.findElement(By.id("api_key")).sendKeys(shop.get("api_key").asText());
        Chromium.clickAndWait(By.cssSelector("[data-testid=signin]"));
        Chromium.waiting().until(x -> browser.findElement(By.cssSelector("[data-testid=scan]")).isDisplayed());
        assertEquals("Escanear QR", ChromiumUser.text("[data-testid=scan]"));
        assertEquals("(0)", ChromiumUser.text("[data-testid=today-count]"));
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("live-2-portal-scan-button-phone");

        // What a scanned QR holds becomes the code with its dash, or nothing.
        String url = scanned.get("qr_landing_url").asText();
        String shown = Codes.display(scanned.get("redemption_code").asText());
        for (String[] c : List.of(new String[] {url, shown}, new String[] {url + "?utm=x", shown}, new String[] {url + "/qr.svg", shown},
                new String[] {shown.toLowerCase(), shown}, new String[] {"https://example.com/", null}, new String[] {"hola", null})) {
            assertEquals(c[1], browser.executeScript("return window.mostradorCodeFromScan(arguments[0]);", c[0]), Arrays.toString(c));
        }

        // Typing still works as before.
        browser.findElement(By.id("code")).sendKeys(Codes.display(typed.get("redemption_code").asText()).toLowerCase());
        Chromium.clickAndWait(By.cssSelector("[data-testid=verify]"));
        assertEquals("Código válido", ChromiumUser.text("[data-testid=verdict] h1"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm]"));
        assertEquals("Canje confirmado", ChromiumUser.text("[data-testid=verdict] h1"));
        assertEquals("(1)", ChromiumUser.text("[data-testid=today-count]"));

        // The camera: nothing to read at first, then the customer's QR.
        browser.findElement(By.cssSelector("[data-testid=scan]")).click();
        Chromium.waiting().until(x -> "Apunte la cámara al QR que muestra el cliente.".equals(ChromiumUser.text("[data-testid=scan-status]")));
        Chromium.waiting().until(x -> ((Number) browser.executeScript("return document.querySelector('video').videoWidth;")).intValue() > 0);
        assertEquals(List.of(), browser.executeScript("return window.cspViolations;"), "jsQR, the camera's video");
        Chromium.screenshotFullPage("live-3-portal-scanning-phone");
        browser.findElement(By.cssSelector("[data-scan-close]")).click();
        assertFalse(browser.findElement(By.cssSelector("[data-scanner]")).isDisplayed());
        assertNull(browser.executeScript("return document.querySelector('video').srcObject;"), "the camera is off");

        FakeCamera.showQr(url);
        Chromium.clickAndWait(By.cssSelector("[data-testid=scan]"));
        assertEquals("Código válido", ChromiumUser.text("[data-testid=verdict] h1"));
        assertEquals(shown, ChromiumUser.text("[data-testid=verdict] .rw-mono"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm]"));
        assertEquals("(2)", ChromiumUser.text("[data-testid=today-count]"));

        // Where the browser has its own BarcodeDetector (Chrome on Android), that reads the QR instead of jsQR.
        browser.executeScript("window.BarcodeDetector = class {"
                + " static async getSupportedFormats() { return ['qr_code']; }"
                + " async detect() { sessionStorage.setItem('detector', 'used'); return [{ rawValue: arguments[0] }]; } };"
                .replace("arguments[0]", "'" + detected.get("qr_landing_url").asText() + "'"));
        FakeCamera.blank();
        Chromium.clickAndWait(By.cssSelector("[data-testid=scan]"));
        assertEquals("used", browser.executeScript("return sessionStorage.getItem('detector');"));
        assertEquals(Codes.display(detected.get("redemption_code").asText()), ChromiumUser.text("[data-testid=verdict] .rw-mono"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm]"));
        assertEquals("(3)", ChromiumUser.text("[data-testid=today-count]"));
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=today-row]")).size());
        assertEquals(0, Chromium.horizontalOverflow());
        assertEquals(List.of(), browser.executeScript("return window.cspViolations;"));
        Chromium.screenshotFullPage("live-4-portal-today-phone");
        Chromium.desktop();
        Chromium.screenshotFullPage("live-5-portal-today-desktop");
    }

    private long polls() {
        return ((Number) browser.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/estado')).length;")).longValue();
    }
}
