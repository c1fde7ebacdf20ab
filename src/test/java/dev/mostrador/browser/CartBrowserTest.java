package dev.mostrador.browser;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff cart on a desktop and a phone: build it by SKU, see the ofertas, meet a shortage, reserve, release. */
@WithChromium
class CartBrowserTest {
    @Test
    void buildReserveAndReleaseOnAPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long cafe = OfertasData.producto(admin, "CAFE-1", "Café de grano tostado 1 kg", "12990");
        long taza = OfertasData.producto(admin, "TAZA-1", "Taza de regalo", "3990");
        give(t, cafe, 2);
        give(t, taza, 5);
        Map<String, Object> tresPorDos = OfertasData.tresPorDos();
        tresPorDos.put("productos", List.of(cafe));
        OfertasData.postOk(admin, "/api/ofertas", tresPorDos);
        OfertasData.postOk(admin, "/api/ofertas", OfertasData.with("regalo", "titulo", "Taza de regalo con el café",
                "regalo_producto_id", taza, "regalo_cantidad", 1, "productos", List.of(cafe)));

        ChromiumUser.signIn(t.oficina());
        Chromium.open("/carrito");
        ChromiumUser.type("sku", "CAFE-1");
        ChromiumUser.setValue("cantidad", "3");
        Chromium.clickAndWait(By.cssSelector("[data-testid=add]"));
        String page = Chromium.driver().findElement(By.cssSelector("[data-testid=cart]")).getText();
        assertTrue(page.contains("3x2 Especial") && page.contains("Taza de regalo"), page);
        Chromium.screenshotFullPage("carrito-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("carrito-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");

        Chromium.clickAndWait(By.cssSelector("[data-testid=reserve]"));
        assertEquals(409, Chromium.documentStatus());
        assertTrue(Chromium.driver().findElement(By.cssSelector("[data-testid=shortages]")).getText().contains("CAFE-1"));
        Chromium.screenshotFullPage("carrito-shortage-phone");

        Chromium.driver().findElement(By.cssSelector("#linea-" + cafe + " input[name=cantidad]")).clear();
        Chromium.driver().findElement(By.cssSelector("#linea-" + cafe + " input[name=cantidad]")).sendKeys("2");
        Chromium.clickAndWait(By.cssSelector("#linea-" + cafe + " button[type=submit]"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=reserve]"));
        assertTrue(Chromium.driver().getCurrentUrl().contains("/inventario/reservas?carrito="));
        String list = Chromium.driver().findElement(By.cssSelector("[data-testid=reservas-table]")).getText();
        assertTrue(list.contains("CAFE-1") && list.contains("TAZA-1"), list);
        Chromium.screenshotFullPage("reservas-phone");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();
        Chromium.screenshotFullPage("reservas-desktop");

        Chromium.clickAndWait(By.cssSelector("[data-testid^=liberar-]"));
        Chromium.screenshotFullPage("reserva-liberar");
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirm-release]"));
        assertTrue(Chromium.driver().getPageSource().contains("Liberada"));
    }

    private static void give(Fixtures.TestTenant t, long product, int units) {
        TestDatabase.get().dsl().transaction(cfg -> new StockLedger().append(cfg.dsl(), t.id(), null,
                List.of(StockLedger.Movimiento.entrada(product, units, "test"))));
    }
}
