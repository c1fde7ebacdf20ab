package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rewards admin page in headless Chromium at 1280 and 390 px, with realistic data: full-page
 * screenshots under target/screenshots/rewards-*, and nothing wider than a phone.
 */
class RewardsAdminBrowserTest {
    private ChromeDriver browser;
    private final Map<String, Long> overflow = new LinkedHashMap<>();

    @BeforeEach
    void freshBrowser() {
        browser = Chromium.fresh();
    }

    @AfterEach
    void backToDesktop() {
        Chromium.desktop();
    }

    @Test
    void everyRewardsPageFitsADesktopAndAPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.Showcase data = RewardsRows.showcase(t);
        signIn(t.admin());

        // Comercios: a new merchant with a bad e-mail first, then its key, shown once.
        open("/recompensas/comercios/new");
        type("merchant_name", "Librería Las Condes del Centro Comercial");
        type("contact_email", "libreria@");
        clickAndWait(By.cssSelector("[data-testid=save-merchant]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("merchant-form-errors");
        type("contact_email", "libreria@correo.cl");
        clickAndWait(By.cssSelector("[data-testid=save-merchant]"));
        assertTrue(browser.findElement(By.cssSelector("[data-testid=api-key]")).getDomProperty("value").startsWith("mk_"));
        shootHere("merchant-key");

        shoot("merchants-list", "/recompensas/comercios");
        shoot("merchant-show", "/recompensas/comercios/" + data.merchantId());
        assertTrue(browser.findElement(By.cssSelector("svg.bar-chart")).getDomAttribute("aria-label").contains("confirmaciones en total"));
        shoot("merchant-rotate", "/recompensas/comercios/" + data.merchantId() + "/rotate");
        shoot("merchant-deactivate", "/recompensas/comercios/" + data.merchantId() + "/deactivate");

        shoot("offers-list", "/recompensas/catalogo");
        open("/recompensas/catalogo/new");
        type("lumis_cost", "0");
        clickAndWait(By.cssSelector("[data-testid=save-offer]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("offer-form-errors");
        shoot("offer-edit", "/recompensas/catalogo/" + data.offerId() + "/edit");

        shoot("customers-list", "/recompensas/clientes");
        shoot("customer-show", "/recompensas/clientes/" + data.customerId());
        shoot("customer-edit", "/recompensas/clientes/" + data.customerId() + "/edit");
        open("/recompensas/clientes/" + data.customerId());
        browser.findElement(By.cssSelector("input[name=direction][value=debit]")).click();
        type("amount", "999999");
        type("reason", "Corrección de saldo");
        clickAndWait(By.cssSelector("[data-testid=save-lumis]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("customer-debit-refused");
        shoot("customer-redeem", "/recompensas/clientes/" + data.customerId() + "/canjear");
        clickAndWait(By.cssSelector("[data-testid='redeem-" + data.offerId() + "']"));
        assertTrue(browser.getCurrentUrl().contains("/recompensas/canjes/"));
        assertTrue(browser.findElement(By.cssSelector(".flash-success")).getText().startsWith("Canje listo"));
        shootHere("redemption-new");

        shoot("redemptions-list", "/recompensas/canjes");
        shoot("redemptions-filtered", "/recompensas/canjes?status=confirmed&merchant=" + data.merchantId());
        shoot("redemption-confirmed", "/recompensas/canjes/" + data.confirmedId());
        shoot("redemption-cancel", "/recompensas/canjes/" + data.pendingId() + "/cancel");

        Chromium.phone();
        open("/recompensas/canjes");
        browser.findElement(By.cssSelector("label.nav-toggle-label")).click();
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[href='/recompensas/comercios']")));
        Chromium.screenshotFullPage("rewards-menu-phone");
        Chromium.desktop();

        System.out.println("[browser tests] rewards pages, sideways overflow at 390 px: " + overflow);
        overflow.forEach((page, px) -> assertEquals(0L, px, page + " is wider than a phone"));
    }

    private void shoot(String name, String path) {
        open(path);
        shootHere(name);
    }

    /** The page now shown, at 1280 px and then at 390 px (same document, only resized). */
    private void shootHere(String name) {
        Chromium.screenshotFullPage("rewards-" + name + "-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("rewards-" + name + "-phone");
        overflow.put(name, Chromium.horizontalOverflow());
        Chromium.desktop();
    }

    private void open(String path) {
        Chromium.open(path);
        Chromium.waiting().until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        assertEquals(TestApp.baseUrl() + path, browser.getCurrentUrl());
    }

    private void signIn(String email) {
        Chromium.open("/login");
        type("email", email);
        type("password", Fixtures.PASSWORD);
        clickAndWait(By.cssSelector("form[action='/login'] button[type=submit]"));
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/dashboard"));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void clickAndWait(By target) {
        Chromium.clickAndWait(target);
    }

    static UUID uuid(Object o) {
        return UUID.fromString(String.valueOf(o));
    }
}
