package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rewards admin page in headless Chromium at 1280 and 390 px, with realistic data: full-page
 * screenshots under target/screenshots/rewards-*, and nothing wider than a phone.
 */
@WithChromium
class RewardsAdminBrowserTest {
    private final ChromeDriver browser = Chromium.driver();
    private final Map<String, Long> overflow = new LinkedHashMap<>();

    @Test
    void everyRewardsPageFitsADesktopAndAPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.Showcase data = RewardsRows.showcase(t);
        ChromiumUser.signIn(t.admin());

        // Comercios: a new merchant with a bad e-mail first, then its key, shown once.
        ChromiumUser.openAndWait("/recompensas/comercios/new");
        ChromiumUser.type("merchant_name", "Librería Las Condes del Centro Comercial");
        ChromiumUser.type("contact_email", "libreria@");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-merchant]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("merchant-form-errors");
        ChromiumUser.type("contact_email", "libreria@correo.cl");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-merchant]"));
        assertTrue(browser.findElement(By.cssSelector("[data-testid=api-key]")).getDomProperty("value").startsWith("mk_"));
        shootHere("merchant-key");

        shoot("merchants-list", "/recompensas/comercios");
        shoot("merchant-show", "/recompensas/comercios/" + data.merchantId());
        assertTrue(browser.findElement(By.cssSelector("svg.bar-chart")).getDomAttribute("aria-label").contains("confirmaciones en total"));
        shoot("merchant-rotate", "/recompensas/comercios/" + data.merchantId() + "/rotate");
        shoot("merchant-deactivate", "/recompensas/comercios/" + data.merchantId() + "/deactivate");

        shoot("offers-list", "/recompensas/catalogo");
        ChromiumUser.openAndWait("/recompensas/catalogo/new");
        ChromiumUser.type("lumis_cost", "0");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-offer]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("offer-form-errors");
        shoot("offer-edit", "/recompensas/catalogo/" + data.offerId() + "/edit");

        shoot("customers-list", "/recompensas/clientes");
        shoot("customer-show", "/recompensas/clientes/" + data.customerId());
        shoot("customer-edit", "/recompensas/clientes/" + data.customerId() + "/edit");
        ChromiumUser.openAndWait("/recompensas/clientes/" + data.customerId());
        browser.findElement(By.cssSelector("input[name=direction][value=debit]")).click();
        ChromiumUser.type("amount", "999999");
        ChromiumUser.type("reason", "Corrección de saldo");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-lumis]"));
        assertEquals(422, Chromium.documentStatus());
        shootHere("customer-debit-refused");
        shoot("customer-redeem", "/recompensas/clientes/" + data.customerId() + "/canjear");
        Chromium.clickAndWait(By.cssSelector("[data-testid='redeem-" + data.offerId() + "']"));
        assertTrue(browser.getCurrentUrl().contains("/recompensas/canjes/"));
        assertTrue(browser.findElement(By.cssSelector(".flash-success")).getText().startsWith("Canje listo"));
        shootHere("redemption-new");

        shoot("redemptions-list", "/recompensas/canjes");
        shoot("redemptions-filtered", "/recompensas/canjes?status=confirmed&merchant=" + data.merchantId());
        shoot("redemption-confirmed", "/recompensas/canjes/" + data.confirmedId());
        shoot("redemption-cancel", "/recompensas/canjes/" + data.pendingId() + "/cancel");

        Chromium.phone();
        ChromiumUser.openAndWait("/recompensas/canjes");
        browser.findElement(By.cssSelector("label.nav-toggle-label")).click();
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[href='/recompensas/comercios']")));
        Chromium.screenshotFullPage("rewards-menu-phone");
        Chromium.desktop();

        System.out.println("[browser tests] rewards pages, sideways overflow at 390 px: " + overflow);
        overflow.forEach((page, px) -> assertEquals(0L, px, page + " is wider than a phone"));
    }

    private void shoot(String name, String path) {
        ChromiumUser.openAndWait(path);
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
}
