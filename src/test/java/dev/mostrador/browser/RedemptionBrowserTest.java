package dev.mostrador.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redemption end to end in headless Chromium at phone width: the customer's landing page, then
 * a merchant at /comercio signs in with the key, types the code (lower case, with the dash),
 * verifies and confirms it, and the customer's page then reads "Canjeado el …".
 */
@WithChromium
class RedemptionBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    @BeforeEach
    void onAPhone() {
        Chromium.phone();
    }

    @Test
    void customerShowsTheCodeAndAMerchantConfirmsIt() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Panadería Los Aromos", null);
        String offer = d.offerAt("Marraqueta y café gratis", shop.get("merchant_id").asText(), 400);
        JsonNode redemption = d.redeem(d.admin, d.customer("Rosa Privada", "rosa.privada@example.cl", 1000), offer);
        String code = redemption.get("redemption_code").asText();

        // The customer opens the link of their QR on their phone.
        Chromium.open("/r/" + code);
        assertEquals(200, Chromium.documentStatus());
        assertEquals("Pendiente", ChromiumUser.text("[data-testid=status]"));
        assertEquals(Codes.display(code), ChromiumUser.text("[data-testid=code]"));
        assertEquals("Marraqueta y café gratis", ChromiumUser.text("[data-testid=offer]"));
        assertEquals("Panadería Los Aromos", ChromiumUser.text("[data-testid=merchant]"));
        assertTrue(ChromiumUser.text("[data-testid=time-left]").startsWith("Vence en 2 días"));
        int qrWidth = browser.findElement(By.cssSelector("[data-testid=qr] svg")).getRect().getWidth();
        assertTrue(qrWidth >= 240, "the QR is large enough to scan from the screen: " + qrWidth + " px");
        assertFalse(browser.getPageSource().contains("Rosa"), "nothing about the customer");
        assertEquals(0, Chromium.horizontalOverflow(), "landing page at 390 px");
        Chromium.screenshotFullPage("redemption-1-landing-pending-phone");

        // The merchant, on another device, signs in with the key.
        Chromium.clearCookies();
        Chromium.open("/comercio");
        assertEquals(0, Chromium.horizontalOverflow(), "sign-in page at 390 px");
        assertEquals(List.of(), ChromiumUser.smallTapTargets("a, button, input:not([type=hidden]), select, textarea"));
        Chromium.screenshotFullPage("redemption-2-merchant-signin-phone");
        browser.findElement(By.id("api_key")).sendKeys(shop.get("api_key").asText());
        Chromium.clickAndWait(By.cssSelector("[data-testid=signin]"));
        assertEquals(TestApp.baseUrl() + "/comercio", browser.getCurrentUrl());
        assertEquals("Panadería Los Aromos", ChromiumUser.text("[data-testid=merchant-name]"));
        assertEquals("code", browser.switchTo().activeElement().getAttribute("id"), "the code field has the focus");
        assertEquals(0, Chromium.horizontalOverflow(), "code form at 390 px");
        assertEquals(List.of(), ChromiumUser.smallTapTargets("a, button, input:not([type=hidden]), select, textarea"));
        Chromium.screenshotFullPage("redemption-3-merchant-form-phone");

        // Types the code as read aloud: lower case, with the dash.
        browser.findElement(By.id("code")).sendKeys(Codes.display(code).toLowerCase());
        Chromium.clickAndWait(By.cssSelector("[data-testid=verify]"));
        assertEquals(200, Chromium.documentStatus());
        assertEquals("Código válido", ChromiumUser.text("[data-testid=verdict] h1"));
        assertEquals("Marraqueta y café gratis", ChromiumUser.text("[data-testid=verdict-offer]"));
        assertEquals("400", ChromiumUser.text("[data-testid=verdict-lumis]"));
        assertEquals(0, Chromium.horizontalOverflow(), "verdict at 390 px");
        assertEquals(List.of(), ChromiumUser.smallTapTargets("a, button, input:not([type=hidden]), select, textarea"));
        Chromium.screenshotFullPage("redemption-4-merchant-verified-phone");

        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm]"));
        assertEquals(200, Chromium.documentStatus());
        assertEquals("Canje confirmado", ChromiumUser.text("[data-testid=verdict] h1"));
        assertTrue(ChromiumUser.text("[data-testid=verdict-status]").startsWith("Canjeado el "));
        assertEquals(0, Chromium.horizontalOverflow(), "confirmation at 390 px");
        Chromium.screenshotFullPage("redemption-5-merchant-confirmed-phone");

        // The same code once more is refused, with the date.
        assertEquals("code", browser.switchTo().activeElement().getAttribute("id"), "ready for the next code");
        browser.findElement(By.id("code")).sendKeys(code);
        Chromium.clickAndWait(By.cssSelector("[data-testid=verify]"));
        assertEquals(409, Chromium.documentStatus());
        assertTrue(ChromiumUser.text("[data-testid=verdict-text]").startsWith("Ya fue canjeado el "));
        Chromium.screenshotFullPage("redemption-6-merchant-already-phone");
        browser.findElement(By.id("code")).sendKeys("zzzzz-zzzz");
        Chromium.clickAndWait(By.cssSelector("[data-testid=verify]"));
        assertEquals(404, Chromium.documentStatus());
        assertEquals("Código desconocido", ChromiumUser.text("[data-testid=verdict] h1"));
        assertEquals("zzzzz-zzzz", browser.findElement(By.id("code")).getAttribute("value"), "kept to be corrected");
        assertEquals(0, Chromium.horizontalOverflow(), "unknown code at 390 px");
        Chromium.screenshotFullPage("redemption-6b-merchant-unknown-phone");

        // The customer's page now says so.
        Chromium.open("/r/" + code);
        assertTrue(ChromiumUser.text("[data-testid=status]").startsWith("Canjeado el "), ChromiumUser.text("[data-testid=status]"));
        assertEquals(0, Chromium.horizontalOverflow(), "confirmed landing page at 390 px");
        Chromium.screenshotFullPage("redemption-7-landing-confirmed-phone");
        Chromium.open("/r/ZZZZZ-ZZZZZ");
        assertEquals(404, Chromium.documentStatus());
        assertEquals(0, Chromium.horizontalOverflow(), "unknown code page at 390 px");
        Chromium.screenshotFullPage("redemption-8-landing-unknown-phone");
        Chromium.desktop();
        Chromium.open("/r/" + code);
        Chromium.screenshotFullPage("redemption-9-landing-confirmed-desktop");
    }
}
