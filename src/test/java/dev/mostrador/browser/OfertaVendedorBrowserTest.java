package dev.mostrador.browser;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mostrador.browser.OfertasPage.API_DATE;
import static dev.mostrador.browser.OfertasPage.LOCAL_INPUT;
import static dev.mostrador.browser.OfertasPage.badge;
import static dev.mostrador.browser.OfertasPage.rowFor;
import static dev.mostrador.browser.OfertasPage.titles;
import static dev.mostrador.support.Chromium.clickAndWait;
import static dev.mostrador.support.ChromiumUser.heading;
import static dev.mostrador.support.ChromiumUser.signIn;
import static dev.mostrador.support.OfertasData.oferta;
import static dev.mostrador.support.OfertasData.postOk;
import static dev.mostrador.support.OfertasData.titlesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's flow 3 in headless Chromium: a vendedor sees ofertas but never creates, edits or deletes one.
 */
@WithChromium
class OfertaVendedorBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    /** Flow 3: a vendedor may look at ofertas, never create, edit or delete them, not even with a forged POST. */
    @Test
    void vendedorCannotCreateEditOrDeleteOfertas() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        long id = postOk(admin, "/api/ofertas", oferta("Dos por uno en pan", "nxm", now.minusDays(1).format(API_DATE),
                now.plusDays(3).format(API_DATE), true, Map.of("compra_cantidad", 2, "paga_cantidad", 1))).get("id").asLong();

        signIn(t.vendedor());
        clickAndWait(By.cssSelector("nav.sidebar a[href='/ofertas']"));
        assertEquals("Ofertas (1)", heading());
        assertEquals(List.of("Dos por uno en pan"), titles());
        assertEquals("2x1", badge(rowFor("Dos por uno en pan")));
        assertTrue(browser.findElements(By.cssSelector("[data-testid=new-oferta]")).isEmpty(), "no Nueva oferta button");
        assertTrue(browser.findElements(By.cssSelector("main a[href='/ofertas/new']")).isEmpty(), "no link to the form");
        assertTrue(browser.findElements(By.cssSelector("main a[href$='/edit']")).isEmpty(), "no edit links");
        assertTrue(browser.findElements(By.cssSelector("main a[href$='/delete']")).isEmpty(), "no delete links");
        Chromium.screenshotFullPage("ofertas-06-list-vendedor-desktop");

        Chromium.open("/ofertas/new");
        assertEquals(403, Chromium.documentStatus());
        assertEquals("Sin permiso", heading());
        assertEquals("403", browser.findElement(By.cssSelector(".error-page .code")).getText());
        Chromium.screenshotFullPage("ofertas-07-forbidden-vendedor-desktop");
        Chromium.open("/ofertas/" + id + "/edit");
        assertEquals(403, Chromium.documentStatus());

        // A form injected with JavaScript, carrying the session's own CSRF token.
        Chromium.open("/ofertas");
        browser.executeScript(
                "const f = document.createElement('form'); f.method = 'post'; f.action = '/ofertas';"
                        + "const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden';"
                        + " i.name = n; i.value = v; f.appendChild(i); };"
                        + "add('_csrf', document.querySelector('input[name=_csrf]').value);"
                        + "add('titulo', 'Forjada con JavaScript'); add('tipo', 'porcentaje'); add('descuento_porcentaje', '90');"
                        + "add('desde', arguments[0]); add('hasta', arguments[1]); add('activa', 'true');"
                        + "document.body.appendChild(f); f.submit();",
                now.minusHours(1).format(LOCAL_INPUT), now.plusDays(1).format(LOCAL_INPUT));
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/ofertas"));
        Chromium.waiting().until(d -> "complete".equals(browser.executeScript("return document.readyState"))
                && !browser.findElements(By.cssSelector(".error-page")).isEmpty());
        assertEquals(403, Chromium.documentStatus(), "a vendedor's POST /ofertas is refused");
        assertEquals("Sin permiso", heading(), "refused for the role, not for the CSRF token");

        // The same with a plain HTTP client signed in as the vendedor.
        Browser forger = new Browser().signedIn(t.vendedor());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titulo", "Forjada por HTTP");
        fields.put("tipo", "porcentaje");
        fields.put("descuento_porcentaje", "90");
        fields.put("desde", now.minusHours(1).format(LOCAL_INPUT));
        fields.put("hasta", now.plusDays(1).format(LOCAL_INPUT));
        fields.put("activa", "true");
        HttpResponse<String> created = forger.post("/ofertas", fields);
        assertEquals(403, created.statusCode());
        assertTrue(created.body().contains("Sin permiso"), "refused for the role, not for the CSRF token");
        HttpResponse<String> edited = forger.post("/ofertas/" + id, fields);
        assertEquals(403, edited.statusCode());
        HttpResponse<String> deleted = forger.post("/ofertas/" + id + "/delete", Map.of());
        assertEquals(403, deleted.statusCode());

        Api.Response all = admin.get("/api/ofertas");
        assertEquals(200, all.status());
        assertEquals(List.of("Dos por uno en pan"), titlesIn(all.json()), "nothing was created, edited or deleted");
        assertEquals("1", all.header("X-Total-Count"));
        assertEquals(2, admin.get("/api/ofertas/" + id).json().get("compra_cantidad").asInt());
    }
}
