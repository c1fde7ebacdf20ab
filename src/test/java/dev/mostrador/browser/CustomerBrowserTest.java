package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clientes on a desktop and a phone: create one with interests, find it by a search without accents, open its page. */
@WithChromium
class CustomerBrowserTest {
    @Test
    void createWithInterestsFindBySearchAndOpenThePage() {
        Fixtures.TestTenant t = Fixtures.tenant();
        TestDatabase.get().dsl().execute("INSERT INTO intereses (tenant_id, nombre) VALUES (?, 'Vinos'), (?, 'Quesos'), (?, 'Café')",
                t.id(), t.id(), t.id());

        ChromiumUser.signIn(t.oficina());
        Chromium.open("/recompensas/clientes");
        Chromium.clickAndWait(By.cssSelector("[data-testid=new-customer]"));
        ChromiumUser.type("name", "Begoña Ibáñez Peña");
        ChromiumUser.type("tax_id", "12.345.678-5");
        ChromiumUser.type("email", "bego@correo.cl");
        ChromiumUser.type("city", "Ñuñoa");
        new Select(Chromium.driver().findElement(By.id("status"))).selectByValue("prospecto");
        new Select(Chromium.driver().findElement(By.id("vendedor_id"))).selectByVisibleText("Vera Vendedora");
        Chromium.driver().findElement(By.cssSelector("[data-testid='interes-Vinos']")).click();
        Chromium.driver().findElement(By.cssSelector("[data-testid='interes-Café']")).click();
        Chromium.screenshotFullPage("cliente-form-desktop");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-customer]"));
        assertTrue(Chromium.driver().getCurrentUrl().matches(".*/recompensas/clientes/\\d+$"), Chromium.driver().getCurrentUrl());

        Chromium.open("/recompensas/clientes");
        ChromiumUser.type("q", "pena");
        Chromium.clickAndWait(By.cssSelector("form[role=search] button[type=submit]"));
        String table = ChromiumUser.text("[data-testid=customers-table]");
        assertTrue(table.contains("Begoña Ibáñez Peña") && table.contains("12.345.678-5") && table.contains("Vera Vendedora"), table);
        Chromium.screenshotFullPage("clientes-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("clientes-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");

        Chromium.clickAndWait(By.linkText("Begoña Ibáñez Peña"));
        String tags = ChromiumUser.texts(Chromium.driver().findElement(By.tagName("main")), By.cssSelector("[data-testid=interest-tag]")).toString();
        assertEquals("[Café, Vinos]", tags);
        assertTrue(ChromiumUser.text("[data-testid=timeline]").contains("Óscar Oficina creó el cliente"));
        assertTrue(ChromiumUser.text("[data-testid=customer-orders]").contains("todavía no tiene pedidos"));
        Chromium.screenshotFullPage("cliente-phone");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();
        Chromium.screenshotFullPage("cliente-desktop");
    }
}
