package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oficina finds a pair of duplicates, looks at the preview (desktop and phone) and merges them. */
@WithChromium
class MergeBrowserTest {

    @Test
    void findAPairPreviewItAndMerge() {
        Fixtures.TestTenant t = Fixtures.tenant();
        var dsl = TestDatabase.get().dsl();
        long kept = RewardsRows.customer(t, "Rosa Fuentes", 120);
        long gone = RewardsRows.customer(t, "Rosa Fuentes Vera", 30);
        dsl.execute("UPDATE customers SET tax_id = '15.555.555-5', city = 'Maipú' WHERE id = ?", kept);
        dsl.execute("UPDATE customers SET tax_id = '155555555', phone = '+56 9 5555 1234', email = 'rosa.vera@example.cl' WHERE id = ?", gone);

        ChromiumUser.signIn(t.oficina());
        Chromium.desktop();
        Chromium.open("/recompensas/clientes");
        Chromium.clickAndWait(By.cssSelector("[data-testid=duplicates]"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=rule-rut]"));
        Chromium.screenshotFullPage("duplicates-list-desktop");
        Chromium.clickAndWait(By.cssSelector("a[href='/recompensas/clientes/" + kept + "/fusionar?con=" + gone + "']"));
        String preview = Chromium.driver().getPageSource();
        assertTrue(preview.contains("1 registro de movimientos de lümis"), preview);
        Chromium.screenshotFullPage("merge-preview-desktop");
        Chromium.phone();
        Chromium.driver().navigate().refresh();
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");
        Chromium.screenshotFullPage("merge-preview-phone");
        Chromium.desktop();

        Chromium.driver().findElement(By.cssSelector("[data-testid=keep-loser-name]")).click();
        Chromium.clickAndWait(By.cssSelector("[data-testid=merge]"));
        assertTrue(Chromium.driver().getCurrentUrl().endsWith("/recompensas/clientes/" + kept), Chromium.driver().getCurrentUrl());
        assertEquals("Rosa Fuentes Vera", ChromiumUser.heading());
        assertEquals("150", ChromiumUser.text("[data-testid=balance]").replaceAll("\\D", ""));
        Chromium.screenshotFullPage("merged-customer-desktop");
        Chromium.open("/recompensas/clientes/" + gone);
        assertTrue(ChromiumUser.text("[data-testid=merged-into]").contains("Rosa Fuentes Vera"));
    }
}
