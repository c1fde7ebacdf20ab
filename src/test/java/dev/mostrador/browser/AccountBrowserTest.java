package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vendedor reaches "Mi cuenta" from the name in the top bar and renames themselves, on a phone too. */
@WithChromium
class AccountBrowserTest {
    @Test
    void theNameInTheTopBarOpensMyAccount() {
        Fixtures.TestTenant t = Fixtures.tenant();
        ChromeDriver browser = Chromium.driver();
        ChromiumUser.signIn(t.vendedor());

        Chromium.clickAndWait(By.cssSelector("[data-testid=who]"));
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/cuenta"));
        assertEquals("Mi cuenta", browser.findElement(By.cssSelector("main h1")).getText());
        Chromium.screenshot("20-account-desktop");
        Chromium.phone();
        Chromium.screenshot("20-account-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "Mi cuenta wider than a phone");

        ChromiumUser.type("name", "Vera V. Ruiz");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-account]"));
        WebElement flash = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        assertEquals("Sus datos se guardaron.", flash.getText());
        assertTrue(browser.findElement(By.id("name")).getAttribute("value").equals("Vera V. Ruiz"));
        Chromium.screenshot("21-account-saved-phone");
    }
}
