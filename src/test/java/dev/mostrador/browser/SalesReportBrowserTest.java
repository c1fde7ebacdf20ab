package dev.mostrador.browser;

import dev.mostrador.sales.SalesSeed;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sales report of a seeded shop, from the menu, then last month by week, on a desktop and on a 390 px phone (screenshots in target/screenshots). */
@WithChromium
class SalesReportBrowserTest {

    @Test
    void seededSalesReadOnDesktopAndPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        new SalesSeed(TestDatabase.get().dsl()).load(t.tenant().slug(), new SalesSeed.Sizes(120, 15, 300, 6_000));
        ChromiumUser.signIn(t.oficina());
        Chromium.clickAndWait(By.cssSelector("nav.sidebar a[href='/reportes/ventas']"));
        assertEquals("Reporte de ventas", ChromiumUser.heading());
        assertEquals(2, Chromium.driver().findElements(By.cssSelector("svg.bar-chart")).size());
        // The default range is this month, which on its first day may hold no order with an oferta: the last months do.
        LocalDate month = LocalDate.now(t.tenant().zone()).minusMonths(1).withDayOfMonth(1);
        Chromium.open("/reportes/ventas?desde=" + month.minusMonths(2) + "&hasta=" + month.withDayOfMonth(month.lengthOfMonth()) + "&agrupar=semana");
        assertTrue(Chromium.driver().findElements(By.cssSelector("[data-testid=sales-ofertas-table] tbody tr")).size() > 0);
        Chromium.screenshotFullPage("sales-report-01-desktop");
        Chromium.screenshot("sales-report-01-desktop-top");
        Chromium.phone();
        Chromium.screenshotFullPage("sales-report-02-phone-weeks");
        Chromium.screenshot("sales-report-03-phone-top");
        Chromium.driver().executeScript("document.getElementById('sales-charts').scrollIntoView()");
        Chromium.screenshot("sales-report-04-phone-charts");
        Chromium.driver().executeScript("document.getElementById('sales-ofertas').scrollIntoView()");
        Chromium.screenshot("sales-report-05-phone-ofertas");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();
    }
}
