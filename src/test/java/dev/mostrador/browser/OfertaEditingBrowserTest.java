package dev.mostrador.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mostrador.browser.OfertasPage.API_DATE;
import static dev.mostrador.browser.OfertasPage.LOCAL_INPUT;
import static dev.mostrador.browser.OfertasPage.badge;
import static dev.mostrador.browser.OfertasPage.estado;
import static dev.mostrador.browser.OfertasPage.fieldset;
import static dev.mostrador.browser.OfertasPage.radio;
import static dev.mostrador.browser.OfertasPage.rowFor;
import static dev.mostrador.browser.OfertasPage.titles;
import static dev.mostrador.support.Chromium.clickAndWait;
import static dev.mostrador.support.ChromiumUser.heading;
import static dev.mostrador.support.ChromiumUser.setValue;
import static dev.mostrador.support.ChromiumUser.signIn;
import static dev.mostrador.support.ChromiumUser.type;
import static dev.mostrador.support.OfertasData.oferta;
import static dev.mostrador.support.OfertasData.postOk;
import static dev.mostrador.support.OfertasData.producto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's oferta form in headless Chromium: only the chosen type's fields, price tiers, and deleting through a confirmation page.
 */
@WithChromium
class OfertaEditingBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    /** Flow 4: with JavaScript, the form shows only the chosen type's fields; a precio_cantidad oferta with two tiers. */
    @Test
    void theFormShowsOnlyTheChosenTypeAndSavesPriceTiers() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        producto(admin, "HUEVO-12", "Huevos docena", "3990");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone()).truncatedTo(ChronoUnit.MINUTES);

        signIn(t.admin());
        Chromium.open("/ofertas/new");
        assertTrue(fieldset("porcentaje").isDisplayed());
        for (String other : List.of("precio_cantidad", "nxm", "regalo")) {
            assertFalse(fieldset(other).isDisplayed(), other + " fields hidden while porcentaje is chosen");
        }

        radio("nxm").click();
        Chromium.waiting().until(ExpectedConditions.visibilityOf(fieldset("nxm")));
        for (String other : List.of("porcentaje", "precio_cantidad", "regalo")) {
            assertFalse(fieldset(other).isDisplayed(), other + " fields hidden while nxm is chosen");
        }
        assertTrue(browser.findElement(By.id("compra_cantidad")).isDisplayed());
        assertTrue(browser.findElement(By.id("paga_cantidad")).isDisplayed());

        radio("precio_cantidad").click();
        Chromium.waiting().until(ExpectedConditions.visibilityOf(fieldset("precio_cantidad")));
        assertFalse(fieldset("nxm").isDisplayed());
        By tiers = By.cssSelector("[data-reglas-body] tr");
        assertEquals(4, browser.findElements(tiers).size());
        browser.findElement(By.cssSelector("[data-add-regla]")).click();
        Chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(tiers, 5));
        WebElement added = browser.findElements(tiers).get(4);
        assertEquals("", added.findElement(By.name("reglas_cantidad")).getDomProperty("value"), "a new row starts empty");
        assertEquals(added.findElement(By.name("reglas_cantidad")), browser.switchTo().activeElement(), "focus in the new row");

        type("titulo", "Más lleva, menos paga");
        setValue("desde", now.minusMinutes(30).format(LOCAL_INPUT));
        setValue("hasta", now.plusDays(14).format(LOCAL_INPUT));
        List<WebElement> rows = browser.findElements(tiers);
        rows.get(0).findElement(By.name("reglas_cantidad")).sendKeys("1");
        rows.get(0).findElement(By.name("reglas_precio")).sendKeys("3990");
        rows.get(1).findElement(By.name("reglas_cantidad")).sendKeys("6");
        rows.get(1).findElement(By.name("reglas_precio")).sendKeys("3490");
        Chromium.screenshotFullPage("ofertas-08-form-precio-cantidad-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-08-form-precio-cantidad-phone");
        Chromium.desktop();
        clickAndWait(By.cssSelector("[data-testid=save-oferta]"));

        assertEquals(TestApp.baseUrl() + "/ofertas", browser.getCurrentUrl());
        assertEquals("Oferta «Más lleva, menos paga» creada.", browser.findElement(By.cssSelector("main .flash")).getText());
        WebElement row = rowFor("Más lleva, menos paga");
        assertEquals("desde $ 3.490 c/u", badge(row));
        assertEquals("Activa", estado(row));

        JsonNode stored = admin.get("/api/ofertas").json().get(0);
        assertEquals("precio_cantidad", stored.get("tipo").asText());
        List<String> reglas = new ArrayList<>();
        stored.get("reglas").forEach(r -> reglas.add(r.get("cantidad").asInt() + "@" + r.get("precio").decimalValue().stripTrailingZeros().toPlainString()));
        assertEquals(List.of("1@3990", "6@3490"), reglas, "the two tiers, and not the empty rows");
    }

    /** Flow 6: the admin deletes an oferta through its confirmation page; the products list on the way. */
    @Test
    void adminDeletesAnOfertaAfterConfirming() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        producto(admin, "LECHE-1", "Leche entera 1 L", "1090");
        producto(admin, "YOGUR-6", "Yogur natural pack de 6 con un nombre bastante largo para probar", "2790");
        producto(admin, "PAN-KG", "Pan amasado por kilo", "2200");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        String desde = now.minusDays(1).format(API_DATE);
        String hasta = now.plusDays(5).format(API_DATE);
        long gone = postOk(admin, "/api/ofertas", oferta("Liquidación de invierno", "porcentaje", desde, hasta, true,
                Map.of("descuento_porcentaje", 30))).get("id").asLong();
        postOk(admin, "/api/ofertas", oferta("Se queda", "porcentaje", desde, hasta, true, Map.of("descuento_porcentaje", 5)));

        signIn(t.admin());
        clickAndWait(By.cssSelector("nav.sidebar a[href='/productos']"));
        assertEquals("Catálogo (3)", heading());
        Chromium.screenshotFullPage("ofertas-11-productos-list-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-11-productos-list-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "productos list wider than a phone");
        Chromium.desktop();

        Chromium.open("/ofertas");
        assertEquals("Ofertas (2)", heading());
        assertTrue(rowFor("Liquidación de invierno").findElement(By.cssSelector("a[href='/ofertas/" + gone + "/delete']")).isDisplayed());
        clickAndWait(By.cssSelector("a[href='/ofertas/" + gone + "/delete']"));
        assertEquals(TestApp.baseUrl() + "/ofertas/" + gone + "/delete", browser.getCurrentUrl());
        assertEquals("Eliminar «Liquidación de invierno»", heading());
        Chromium.screenshotFullPage("ofertas-12-delete-confirm-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-12-delete-confirm-phone");
        Chromium.desktop();
        clickAndWait(By.cssSelector("[data-testid=confirm-delete]"));

        assertEquals(TestApp.baseUrl() + "/ofertas", browser.getCurrentUrl());
        assertEquals("Oferta «Liquidación de invierno» eliminada.", browser.findElement(By.cssSelector("main .flash")).getText());
        assertEquals("Ofertas (1)", heading());
        assertEquals(List.of("Se queda"), titles());
        assertEquals(404, admin.get("/api/ofertas/" + gone).status());
    }
}
