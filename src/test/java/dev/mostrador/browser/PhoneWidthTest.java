package dev.mostrador.browser;

import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Images;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page the navigation reaches (and the forms and records its lists open), at 390 px: no
 * element may stick out past the right edge of the screen, whether the page scrolls sideways or
 * hides it. Content inside a box that scrolls sideways on its own (a wide table) is reachable and
 * allowed.
 */
@WithChromium
class PhoneWidthTest {
    /** Elements past the viewport's right edge and not inside a box that scrolls sideways. */
    private static final String CLIPPED = """
            const w = document.documentElement.clientWidth, out = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= w + 1) continue;
              let p = el.parentElement, reachable = false;
              for (; p && p !== document.body; p = p.parentElement) {
                const s = getComputedStyle(p).overflowX;
                if ((s === 'auto' || s === 'scroll') && p.scrollWidth > p.clientWidth) { reachable = true; break; }
              }
              if (!reachable) out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '')
                  + ' "' + (el.textContent || '').trim().substring(0, 30) + '" +' + Math.round(r.right - w) + 'px');
            }
            return out.slice(0, 8);""";

    @Test
    void noPageSticksOutOfAPhoneScreen() {
        Fixtures.TestTenant t = Fixtures.tenant();
        RewardsRows.Showcase data = RewardsRows.showcase(t);
        Api admin = Api.as(t.admin());
        admin.post("/api/productos", Map.of("sku", "GALL-CHOC-RELL-500", "nombre", "Galletas de chocolate rellenas con crema de avellana, 500 g", "precio", 2990));
        long producto = admin.get("/api/productos?q=GALL").json().get(0).get("id").asLong();
        admin.post("/api/ofertas", Map.of("titulo", "Galletas de chocolate rellenas 3x2 en todas las sucursales de la región", "tipo", "nxm",
                "compra_cantidad", 3, "paga_cantidad", 2, "desde", "2026-01-01", "hasta", "2030-12-31", "productos", List.of(producto)));

        // The shop's logo and a long name on top of its public pages.
        dev.mostrador.support.Browser settings = new dev.mostrador.support.Browser().signedIn(t.admin());
        settings.postFile("/ajustes/logo", "logo", "logo.png", "image/png", Images.widePng());
        settings.post("/ajustes", Map.of("name", "Distribuidora de Abarrotes y Confites del Norte Grande Limitada",
                "time_zone", "America/Santiago", "currency", "CLP", "locale", "es-CL", "primary_color", "#0b6e4f", "accent_color", "#ffd166"));

        ChromeDriver browser = Chromium.driver();
        ChromiumUser.signIn(t.admin());

        Set<String> pages = new LinkedHashSet<>();
        for (WebElement link : browser.findElements(By.cssSelector("nav.sidebar a"))) pages.add(link.getDomAttribute("href"));
        pages.addAll(List.of("/ofertas/new", "/productos/new", "/users/new", "/recompensas/comercios/new", "/recompensas/clientes/new",
                "/recompensas/catalogo/new", "/recompensas/comercios/" + data.merchantId(), "/recompensas/clientes/" + data.customerId(),
                "/recompensas/canjes/" + data.pendingId(), "/productos/" + producto + "/edit", "/productos/" + producto + "/duplicate",
                "/t/" + t.tenant().slug() + "/ofertas", "/comercio", "/login", "/ajustes", "/r/" + TestDatabase.get().dsl().fetchValue(
                        "SELECT redemption_code FROM rewards.user_redemptions WHERE redemption_id = ?", data.pendingId())));
        assertTrue(pages.size() > 15, "the menu was read: " + pages);

        Chromium.phone();
        List<String> problems = new ArrayList<>();
        int sortable = 0;
        for (String page : pages) {
            Chromium.open(page);
            Chromium.waiting().until(d -> "complete".equals(browser.executeScript("return document.readyState")));
            String name = page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            Chromium.screenshot("phone-" + (name.isEmpty() ? "root" : name));
            @SuppressWarnings("unchecked")
            List<String> clipped = (List<String>) browser.executeScript(CLIPPED);
            long overflow = Chromium.horizontalOverflow();
            if (!clipped.isEmpty() || overflow > 0) problems.add(page + " (page " + overflow + " px wider): " + clipped);
            List<WebElement> sortLinks = browser.findElements(By.cssSelector("a.sort"));
            if (!sortLinks.isEmpty() && sortLinks.stream().noneMatch(WebElement::isDisplayed)) problems.add(page + ": no column to sort by on a phone");
            sortable += sortLinks.isEmpty() ? 0 : 1;
        }
        assertTrue(sortable >= 7, "the lists with sortable columns were visited: " + sortable);
        assertTrue(problems.isEmpty(), "at 390 px:\n  " + String.join("\n  ", problems));
    }
}
