package dev.mostrador.browser;

import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.mostrador.browser.OfertasPage.API_DATE;
import static dev.mostrador.browser.OfertasPage.LOCAL_INPUT;
import static dev.mostrador.browser.OfertasPage.badge;
import static dev.mostrador.browser.OfertasPage.estado;
import static dev.mostrador.browser.OfertasPage.estadoBadge;
import static dev.mostrador.browser.OfertasPage.fieldset;
import static dev.mostrador.browser.OfertasPage.radio;
import static dev.mostrador.browser.OfertasPage.rowFor;
import static dev.mostrador.browser.OfertasPage.titles;
import static dev.mostrador.support.Chromium.clickAndWait;
import static dev.mostrador.support.ChromiumUser.heading;
import static dev.mostrador.support.ChromiumUser.setValue;
import static dev.mostrador.support.ChromiumUser.signIn;
import static dev.mostrador.support.ChromiumUser.smallTapTargets;
import static dev.mostrador.support.ChromiumUser.texts;
import static dev.mostrador.support.ChromiumUser.type;
import static dev.mostrador.support.ChromiumUser.value;
import static dev.mostrador.support.OfertasData.oferta;
import static dev.mostrador.support.OfertasData.postOk;
import static dev.mostrador.support.OfertasData.producto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin publishes an oferta through its form (errors, the product picker) and the public page, the dashboard banner
 * and a vendedor's list show it, never an expired or inactive one (seed 000's flows 1 and 2, in headless Chromium).
 */
@WithChromium
class OfertaPublishingBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    /** Flows 1 and 2: the admin's form, then the public page, the banner and a vendedor's list. */
    @Test
    void adminCreatesAPorcentajeOfertaThatThePublicSeesButNeverExpiredOrInactiveOnes() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        producto(admin, "CAFE-1", "Café de grano 1 kg", "12990");
        producto(admin, "TE-1", "Té verde 100 g", "3490");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone()).truncatedTo(ChronoUnit.MINUTES);

        signIn(t.admin());
        clickAndWait(By.cssSelector("nav.sidebar a[href='/ofertas']"));
        assertEquals(TestApp.baseUrl() + "/ofertas", browser.getCurrentUrl());
        assertEquals("Ofertas (0)", heading());
        assertTrue(browser.findElement(By.cssSelector("main .card.empty")).getText().startsWith("Todavía no hay ofertas."));

        clickAndWait(By.cssSelector("[data-testid=new-oferta]"));
        assertEquals(TestApp.baseUrl() + "/ofertas/new", browser.getCurrentUrl());
        assertEquals("Nueva oferta", heading());
        assertTrue(radio("porcentaje").isSelected(), "a blank form proposes the porcentaje type");

        // First an invalid oferta: 150 % and a window that ends before it starts.
        String titulo = "Semana del café";
        String desde = now.minusHours(1).format(LOCAL_INPUT);
        String hastaAntes = now.minusHours(2).format(LOCAL_INPUT);
        type("titulo", titulo);
        setValue("desde", desde);
        setValue("hasta", hastaAntes);
        type("descuento_porcentaje", "150");
        clickAndWait(By.cssSelector("[data-testid=save-oferta]"));

        WebElement summary = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertEquals(422, Chromium.documentStatus(), "a rejected oferta answers 422");
        assertEquals(TestApp.baseUrl() + "/ofertas", browser.getCurrentUrl());
        assertEquals("Revise los datos marcados:", summary.findElement(By.tagName("h2")).getText());
        String hastaError = "«Hasta» debe ser posterior a «Desde».";
        String porcentajeError = "El descuento debe ser mayor que 0 y hasta 100 (máximo 2 decimales).";
        assertEquals(List.of(hastaError, porcentajeError), summary.findElements(By.cssSelector("li a")).stream()
                .map(WebElement::getText).toList());
        assertEquals(List.of("#hasta", "#descuento_porcentaje"), summary.findElements(By.cssSelector("li a")).stream()
                .map(a -> a.getDomAttribute("href")).toList(), "summary links jump to the fields");
        assertEquals(hastaError, browser.findElement(By.id("hasta-error")).getText());
        assertEquals(porcentajeError, browser.findElement(By.id("descuento_porcentaje-error")).getText());
        assertEquals("true", browser.findElement(By.id("descuento_porcentaje")).getDomAttribute("aria-invalid"));
        assertTrue(browser.findElements(By.id("titulo-error")).isEmpty(), "the valid title has no error");
        assertTrue(browser.findElements(By.id("desde-error")).isEmpty(), "the valid desde has no error");
        // What was typed is kept.
        assertEquals(titulo, value("titulo"));
        assertEquals(desde, value("desde"));
        assertEquals(hastaAntes, value("hasta"));
        assertEquals("150", value("descuento_porcentaje"));
        assertTrue(radio("porcentaje").isSelected());
        assertTrue(fieldset("porcentaje").isDisplayed(), "the porcentaje fields stay visible beside their error");
        Chromium.waiting().withMessage("focus on the error summary").until(d -> "error-summary".equals(
                browser.switchTo().activeElement().getDomAttribute("id")));
        Chromium.screenshotFullPage("ofertas-02-form-errors-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-02-form-errors-phone");
        long formOverflow = Chromium.horizontalOverflow();
        Chromium.desktop();

        // Then a valid one: porcentaje, a window covering now, 15 %, one product through the picker.
        radio("porcentaje").click();
        String hasta = now.plusDays(7).format(LOCAL_INPUT);
        setValue("hasta", hasta);
        type("descuento_porcentaje", "15");
        WebElement search = browser.findElement(By.id("picker-q"));
        assertTrue(search.isDisplayed(), "the picker shows with JavaScript on");
        WebElement page = browser.findElement(By.tagName("html"));
        search.sendKeys("caf" + Keys.ENTER); // Enter searches; it must not submit the oferta form
        WebElement add = Chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#picker-results button.picker-add[data-sku='CAFE-1']")));
        assertFalse(Chromium.isGone(page), "Enter in the picker search submitted the form");
        assertTrue(add.getText().contains("Café de grano 1 kg"), add.getText());
        assertTrue(browser.findElements(By.cssSelector("#picker-results button[data-sku='TE-1']")).isEmpty(),
                "the picker lists only what matches");
        add.click();
        Chromium.waiting().withMessage("the SKU lands in the textarea")
                .until(d -> "CAFE-1".equals(value("productos")));
        assertFalse(add.isEnabled(), "an added product's button is disabled");
        Chromium.screenshotFullPage("ofertas-03-form-valid-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-03-form-valid-phone");
        Chromium.desktop();
        clickAndWait(By.cssSelector("[data-testid=save-oferta]"));

        assertEquals(TestApp.baseUrl() + "/ofertas", browser.getCurrentUrl());
        WebElement flash = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .flash")));
        assertEquals("Oferta «Semana del café» creada.", flash.getText());
        assertTrue(flash.getDomAttribute("class").contains("flash-success"), flash.getDomAttribute("class"));
        assertEquals("Ofertas (1)", heading());
        WebElement row = rowFor(titulo);
        assertTrue(row.findElement(By.cssSelector("td[data-label='Título']")).getText().contains("1 producto"), row.getText());
        assertEquals("15% OFF", badge(row));
        assertEquals("Activa", estado(row));
        assertTrue(estadoBadge(row).getDomAttribute("class").contains("badge-ok"), estadoBadge(row).getDomAttribute("class"));

        // Flow 2: an expired and a paused oferta, made through the API.
        postOk(admin, "/api/ofertas", oferta("Oferta vencida", "porcentaje", "2020-01-01T00:00:00", "2020-01-31T23:59:59", true,
                Map.of("descuento_porcentaje", 50)));
        postOk(admin, "/api/ofertas", oferta("Oferta pausada", "nxm", now.minusDays(1).format(API_DATE),
                now.plusDays(7).format(API_DATE), false, Map.of("compra_cantidad", 3, "paga_cantidad", 2)));
        Chromium.open("/ofertas");
        assertEquals("Ofertas (3)", heading(), "the admin sees every oferta");
        assertEquals("Vencida", estado(rowFor("Oferta vencida")));
        assertEquals("Inactiva", estado(rowFor("Oferta pausada")));
        assertEquals("3x2", badge(rowFor("Oferta pausada")));
        Chromium.screenshotFullPage("ofertas-01-list-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-01-list-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "ofertas list wider than a phone");
        Chromium.desktop();

        // The dashboard banner shows only the active one.
        Chromium.open("/dashboard");
        WebElement banner = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=ofertas-banner]")));
        assertEquals("Ofertas activas (1)", banner.findElement(By.tagName("h2")).getText());
        assertEquals(List.of("15% OFF Semana del café"), texts(banner, By.cssSelector("li")));
        Chromium.screenshotFullPage("ofertas-04-dashboard-banner-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-04-dashboard-banner-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "dashboard wider than a phone");
        Chromium.desktop();

        // The public page, with fresh cookies: no login needed.
        Chromium.clearCookies();
        Chromium.open("/t/" + t.tenant().slug() + "/ofertas");
        assertEquals(200, Chromium.documentStatus());
        assertTrue(browser.findElements(By.cssSelector("[data-testid=who]")).isEmpty(), "not signed in");
        assertEquals(t.tenant().name(), heading(), "the shop's name is the title");
        assertEquals("Ofertas de " + t.tenant().name(), browser.getTitle());
        List<WebElement> promos = browser.findElements(By.cssSelector("[data-testid=public-ofertas] > li"));
        assertEquals(List.of(titulo), promos.stream().map(p -> p.findElement(By.tagName("h2")).getText()).toList());
        assertEquals("15% OFF", promos.get(0).findElement(By.cssSelector(".promo-badge")).getText());
        String publicHtml = browser.getPageSource();
        assertFalse(publicHtml.contains("Oferta vencida"), "an expired oferta is never public");
        assertFalse(publicHtml.contains("Oferta pausada"), "an inactive oferta is never public");
        Chromium.screenshotFullPage("ofertas-05-public-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-05-public-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "public ofertas page wider than a phone");
        assertEquals(List.of(), smallTapTargets("a, button, input, select, textarea, summary"), "tap targets under 44 px on the public page");
        Chromium.desktop();

        // A vendedor sees only the active oferta, in the banner and in the list.
        signIn(t.vendedor());
        banner = browser.findElement(By.cssSelector("[data-testid=ofertas-banner]"));
        assertEquals(List.of("15% OFF Semana del café"), texts(banner, By.cssSelector("li")));
        Chromium.open("/ofertas");
        assertEquals("Ofertas (1)", heading());
        assertEquals(List.of(titulo), titles());
        assertTrue(browser.findElements(By.id("estado")).isEmpty(), "a vendedor has no state filter");

        System.out.printf("[browser tests] oferta form at 390 px overflows sideways by %d px%n", formOverflow);
    }
}
