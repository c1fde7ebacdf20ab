package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.StockOpsData;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A count done on a phone in the warehouse, and the stock pages at both widths (screenshots in target/screenshots). */
@WithChromium
class StockPagesBrowserTest {

    @Test
    void aCountIsDoneOnAPhoneBySku() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("BOD-A", 12);
        long b = d.conStock("BOD-B", 3);
        String skuA = d.admin.get("/api/productos/" + a).json().get("sku").asText();
        String skuB = d.admin.get("/api/productos/" + b).json().get("sku").asText();
        Chromium.fresh();
        ChromiumUser.signIn(d.tenant.oficina());
        Chromium.phone();
        ChromiumUser.openAndWait("/inventario/conteos");
        Chromium.clickAndWait(By.cssSelector("[data-testid=start-count]"));
        for (String[] entry : new String[][] {{skuA, "10"}, {skuB, "3"}}) {
            ChromiumUser.type("sku", entry[0]);
            ChromiumUser.type("contado", entry[1]);
            Chromium.clickAndWait(By.cssSelector("[data-testid=save-line]"));
        }
        assertTrue(ChromiumUser.smallTapTargets("[data-testid=count-form] input, [data-testid=count-form] button").isEmpty(),
                () -> "big inputs: " + ChromiumUser.smallTapTargets("[data-testid=count-form] input, [data-testid=count-form] button"));
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshot("stock-count-phone");

        d.admin.post("/api/inventario/entradas", Map.of("producto_id", b, "cantidad", 2));
        Chromium.clickAndWait(By.cssSelector("[data-testid=review]"));
        assertTrue(ChromiumUser.text("[data-testid=moved-warning]").contains(skuB));
        Chromium.screenshot("stock-count-review-phone");
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm-apply]"));
        assertTrue(ChromiumUser.text("[data-testid=count-state]").contains("Aplicado"));
        assertArrayEquals(new int[] {10, 0, 0, 0}, d.counters(a));
        assertArrayEquals(new int[] {3, 0, 0, 0}, d.counters(b));
        d.assertNoDrift();
    }

    @Test
    void theStockPagesFitAPhoneAndADesktop() {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("GALL-CHOC-RELL-500", 40);
        d.reserve(a, 5);
        d.admin.post("/api/inventario/ajustes", Map.of("producto_id", a, "cantidad", -2, "nota", "Dos paquetes rotos en el pasillo de galletas"));
        String sku = d.admin.get("/api/productos/" + a).json().get("sku").asText();
        d.admin.put("/api/productos/" + a, Map.of("sku", sku, "nombre", "Galletas de chocolate rellenas con crema de avellana, 500 g",
                "precio", 2990, "stock_minimo", 50));
        Chromium.fresh();
        ChromiumUser.signIn(d.tenant.admin());
        List<String> problems = new ArrayList<>();
        String[] pages = {"/productos/" + a, "/productos?sort=disponible&dir=desc", "/inventario/entrada?sku=" + sku, "/inventario/ajuste?sku=" + sku,
                "/inventario/movimientos", "/inventario/conteos", "/productos/" + a + "/edit"};
        for (boolean phone : new boolean[] {false, true}) {
            if (phone) Chromium.phone();
            else Chromium.desktop();
            for (String page : pages) {
                ChromiumUser.openAndWait(page);
                Chromium.screenshotFullPage("stock-" + (phone ? "phone" : "desktop") + page.replaceAll("[^a-z0-9]+", "-"));
                if (Chromium.horizontalOverflow() > 0) problems.add(page + (phone ? " (phone)" : ""));
            }
        }
        Chromium.desktop();
        ChromiumUser.openAndWait("/inventario/ajuste?sku=" + sku);
        ChromiumUser.type("cantidad", "-40");
        ChromiumUser.type("nota", "Merma");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-stock]"));
        assertEquals(409, Chromium.documentStatus());
        Chromium.screenshot("stock-ajuste-409");
        assertTrue(problems.isEmpty(), "wider than the screen: " + problems);
        d.assertNoDrift();
    }
}
