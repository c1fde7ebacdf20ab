package dev.mostrador.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.web.Format;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's end-to-end flows for ofertas in headless Chromium against the real app: the admin's
 * form (errors, type switching, product picker, tiers), the public page and the dashboard banner,
 * what a vendedor may not do, the Cotizador against the API, and deleting.
 */
class OfertasBrowserTest {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter API_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ChromeDriver browser;

    @BeforeEach
    void freshBrowser() {
        browser = Chromium.fresh();
    }

    @AfterEach
    void backToDesktop() {
        Chromium.desktop();
    }

    /** Flows 1 and 2: the admin's form, then the public page, the banner and a vendedor's list. */
    @Test
    void adminCreatesAPorcentajeOfertaThatThePublicSeesButNeverExpiredOrInactiveOnes() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        createProducto(admin, "CAFE-1", "Café de grano 1 kg", "12990");
        createProducto(admin, "TE-1", "Té verde 100 g", "3490");
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
        post(admin, "/api/ofertas", oferta("Oferta vencida", "porcentaje", "2020-01-01T00:00:00", "2020-01-31T23:59:59", true,
                Map.of("descuento_porcentaje", 50)));
        post(admin, "/api/ofertas", oferta("Oferta pausada", "nxm", now.minusDays(1).format(API_DATE),
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
        assertEquals(List.of(), smallTapTargets(), "tap targets under 44 px on the public page");
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

    /** Flow 3: a vendedor may look at ofertas, never create, edit or delete them, not even with a forged POST. */
    @Test
    void vendedorCannotCreateEditOrDeleteOfertas() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        long id = post(admin, "/api/ofertas", oferta("Dos por uno en pan", "nxm", now.minusDays(1).format(API_DATE),
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

    /** Flow 4: with JavaScript, the form shows only the chosen type's fields; a precio_cantidad oferta with two tiers. */
    @Test
    void theFormShowsOnlyTheChosenTypeAndSavesPriceTiers() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        createProducto(admin, "HUEVO-12", "Huevos docena", "3990");
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

    /** Flow 5: the Cotizador's total is the API's total for the same cart; an unknown SKU is a 422 on its row. */
    @Test
    void cotizadorQuotesLikeTheApiAndMarksAnUnknownSku() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long harina = createProducto(admin, "HARINA-1", "Harina 1 kg", "1290");
        long aceite = createProducto(admin, "ACEITE-1", "Aceite de maravilla 1 L", "2590");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        String desde = now.minusDays(1).format(API_DATE);
        String hasta = now.plusDays(5).format(API_DATE);
        Map<String, Object> diezPorCiento = new LinkedHashMap<>(Map.of("descuento_porcentaje", 10));
        diezPorCiento.put("productos", List.of(harina));
        post(admin, "/api/ofertas", oferta("Harina 10% OFF", "porcentaje", desde, hasta, true, diezPorCiento));
        Map<String, Object> tresPorDos = new LinkedHashMap<>(Map.of("compra_cantidad", 3, "paga_cantidad", 2));
        tresPorDos.put("productos", List.of(aceite));
        post(admin, "/api/ofertas", oferta("Aceite 3x2", "nxm", desde, hasta, true, tresPorDos));

        signIn(t.oficina());
        clickAndWait(By.cssSelector("nav.sidebar a[href='/cotizador']"));
        assertEquals("Cotizador", heading());
        cartRow(0, "HARINA-1", "4");
        cartRow(1, "aceite-1", "3");
        clickAndWait(By.cssSelector("[data-testid=cotizar]"));

        assertEquals(200, Chromium.documentStatus());
        WebElement quote = browser.findElement(By.cssSelector("[data-testid=quote]"));
        assertEquals(2, quote.findElements(By.cssSelector("tbody tr")).size(), quote.getText());
        Api.Response api = Api.as(t.oficina()).post("/api/ofertas/cotizar", Map.of("lineas", List.of(
                Map.of("producto_id", harina, "cantidad", 4), Map.of("producto_id", aceite, "cantidad", 3))));
        assertEquals(200, api.status(), String.valueOf(api.json()));
        BigDecimal total = api.json().get("total").decimalValue();
        assertTrue(total.compareTo(api.json().get("subtotal").decimalValue()) < 0, "both ofertas discount something");
        Format format = new Format(t.tenant());
        assertEquals(format.money(total), browser.findElement(By.cssSelector("[data-testid=total]")).getText());
        assertEquals(format.money(api.json().get("subtotal").decimalValue()), quote.findElement(By.cssSelector("dl.totals dd")).getText());
        assertTrue(quote.getText().contains("Harina 10% OFF") && quote.getText().contains("Aceite 3x2"), quote.getText());
        Chromium.screenshotFullPage("ofertas-09-cotizador-quote-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-09-cotizador-quote-phone");
        long cotizadorOverflow = Chromium.horizontalOverflow();
        Chromium.desktop();

        // An unknown SKU: 422, the row says why, nothing is quoted, what was typed stays.
        cartRow(1, "NO-EXISTE", "2");
        clickAndWait(By.cssSelector("[data-testid=cotizar]"));
        assertEquals(422, Chromium.documentStatus());
        assertTrue(browser.findElements(By.cssSelector("[data-testid=quote]")).isEmpty(), "no quote for a bad cart");
        assertTrue(browser.findElement(By.cssSelector(".error-summary")).getText().contains("Corrija las filas marcadas."));
        List<WebElement> bad = browser.findElements(By.cssSelector("tr.has-error"));
        assertEquals(1, bad.size());
        assertEquals("No hay un producto activo con SKU «NO-EXISTE».", bad.get(0).findElement(By.cssSelector(".error")).getText());
        assertEquals("NO-EXISTE", bad.get(0).findElement(By.name("sku")).getDomProperty("value"));
        assertEquals("HARINA-1", browser.findElements(By.name("sku")).get(0).getDomProperty("value"));
        Chromium.screenshotFullPage("ofertas-10-cotizador-error-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("ofertas-10-cotizador-error-phone");
        Chromium.desktop();

        System.out.printf("[browser tests] cotizador at 390 px overflows sideways by %d px%n", cotizadorOverflow);
    }

    /** Flow 6: the admin deletes an oferta through its confirmation page; the products list on the way. */
    @Test
    void adminDeletesAnOfertaAfterConfirming() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        createProducto(admin, "LECHE-1", "Leche entera 1 L", "1090");
        createProducto(admin, "YOGUR-6", "Yogur natural pack de 6 con un nombre bastante largo para probar", "2790");
        createProducto(admin, "PAN-KG", "Pan amasado por kilo", "2200");
        LocalDateTime now = LocalDateTime.now(t.tenant().zone());
        String desde = now.minusDays(1).format(API_DATE);
        String hasta = now.plusDays(5).format(API_DATE);
        long gone = post(admin, "/api/ofertas", oferta("Liquidación de invierno", "porcentaje", desde, hasta, true,
                Map.of("descuento_porcentaje", 30))).get("id").asLong();
        post(admin, "/api/ofertas", oferta("Se queda", "porcentaje", desde, hasta, true, Map.of("descuento_porcentaje", 5)));

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

    // --- helpers -------------------------------------------------------------------------------

    private static long createProducto(Api admin, String sku, String nombre, String precio) {
        Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "nombre", nombre, "precio", new BigDecimal(precio)));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json().get("id").asLong();
    }

    private static Map<String, Object> oferta(String titulo, String tipo, String desde, String hasta, boolean activa,
                                              Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("titulo", titulo);
        body.put("tipo", tipo);
        body.put("desde", desde);
        body.put("hasta", hasta);
        body.put("activa", activa);
        body.putAll(fields);
        return body;
    }

    private static JsonNode post(Api api, String path, Object body) {
        Api.Response r = api.post(path, body);
        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertNotNull(r.json());
        return r.json();
    }

    private static List<String> titlesIn(JsonNode ofertas) {
        List<String> titles = new ArrayList<>();
        ofertas.forEach(o -> titles.add(o.get("titulo").asText()));
        return titles;
    }

    private void signIn(String email) {
        Chromium.open("/login");
        type("email", email);
        type("password", Fixtures.PASSWORD);
        clickAndWait(By.cssSelector("form[action='/login'] button[type=submit]"));
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/dashboard"));
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=who]")));
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** datetime-local inputs take their value from JavaScript: typing depends on the browser's locale. */
    private void setValue(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].value = arguments[1];", input, value);
        assertEquals(value, input.getDomProperty("value"), id + " did not take the value");
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private WebElement radio(String tipo) {
        return browser.findElement(By.cssSelector("input[name=tipo][value='" + tipo + "']"));
    }

    private WebElement fieldset(String tipo) {
        return browser.findElement(By.cssSelector("fieldset.tipo-fields[data-tipo='" + tipo + "']"));
    }

    private void cartRow(int index, String sku, String cantidad) {
        WebElement skuInput = browser.findElements(By.name("sku")).get(index);
        skuInput.clear();
        skuInput.sendKeys(sku);
        WebElement qty = browser.findElements(By.name("cantidad")).get(index);
        qty.clear();
        qty.sendKeys(cantidad);
    }

    private static void clickAndWait(By target) {
        Chromium.clickAndWait(target);
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("[data-testid=ofertas-table] tbody tr")).stream()
                .map(tr -> tr.findElement(By.cssSelector("td[data-label='Título']")).getText().split("\n")[0].trim())
                .toList();
    }

    private WebElement rowFor(String titulo) {
        return browser.findElements(By.cssSelector("[data-testid=ofertas-table] tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td[data-label='Título']")).getText().split("\n")[0].trim().equals(titulo))
                .findFirst()
                .orElseThrow(() -> new AssertionError(titulo + " not in the list: " + titles()));
    }

    private static String badge(WebElement row) {
        return row.findElement(By.cssSelector("td[data-label='Oferta'] .badge")).getText();
    }

    private static WebElement estadoBadge(WebElement row) {
        return row.findElement(By.cssSelector("td[data-label='Estado'] .badge"));
    }

    private static String estado(WebElement row) {
        return estadoBadge(row).getText();
    }

    private static List<String> texts(WebElement parent, By by) {
        return parent.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Visible links, buttons and form controls shorter or narrower than 44 CSS pixels. */
    @SuppressWarnings("unchecked")
    private List<String> smallTapTargets() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('a, button, input, select, textarea, summary')]"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })"
                        + ".map(e => e.outerHTML.slice(0, 80));");
    }
}
