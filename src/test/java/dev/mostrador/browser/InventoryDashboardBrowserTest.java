package dev.mostrador.browser;

import dev.mostrador.inventory.InventorySeed;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory dashboard with a seeded shop, from the menu, on a desktop and on a 390 px phone (screenshots in target/screenshots). */
@WithChromium
class InventoryDashboardBrowserTest {

    @Test
    void seededInventoryReadsOnDesktopAndPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        new InventorySeed(TestDatabase.get().dsl()).load(t.tenant().slug(), new InventorySeed.Sizes(300, 30_000, 3_000, 20));
        ChromiumUser.signIn(t.oficina());
        Chromium.clickAndWait(By.cssSelector("nav.sidebar a[href='/inventario']"));
        assertEquals("Inventario", ChromiumUser.heading());
        assertEquals(10, Chromium.driver().findElements(By.cssSelector("[data-testid=inv-top-sold] tbody tr")).size());
        assertEquals(2, Chromium.driver().findElements(By.cssSelector("svg.bar-chart")).size());
        assertTrue(Chromium.driver().findElements(By.cssSelector("[data-testid=inv-below] tbody tr")).size() > 0);
        Chromium.screenshotFullPage("inventory-dashboard-01-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("inventory-dashboard-02-phone");
        Chromium.screenshot("inventory-dashboard-03-phone-top");
        Chromium.driver().executeScript("document.getElementById('inv-charts').scrollIntoView()");
        Chromium.screenshot("inventory-dashboard-04-phone-charts");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();
    }
}
