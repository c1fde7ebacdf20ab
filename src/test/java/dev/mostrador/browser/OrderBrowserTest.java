package dev.mostrador.browser;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.support.Api;
import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An order from the cart to its delivery on a desktop and a phone: confirm, assign, deliver, the list. */
@WithChromium
class OrderBrowserTest {
    @Test
    void confirmAssignAndDeliverAnOrder() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        long cafe = OfertasData.producto(admin, "CAFE-1", "Café de grano tostado 1 kg", "12990");
        long taza = OfertasData.producto(admin, "TAZA-1", "Taza de regalo", "3990");
        TestDatabase.get().dsl().transaction(cfg -> new StockLedger().append(cfg.dsl(), t.id(), null,
                List.of(StockLedger.Movimiento.entrada(cafe, 20, "test"), StockLedger.Movimiento.entrada(taza, 5, "test"))));
        Map<String, Object> tresPorDos = OfertasData.tresPorDos();
        tresPorDos.put("productos", List.of(cafe));
        OfertasData.postOk(admin, "/api/ofertas", tresPorDos);
        OfertasData.postOk(admin, "/api/ofertas", OfertasData.with("regalo", "titulo", "Taza de regalo con el café",
                "regalo_producto_id", taza, "regalo_cantidad", 1, "productos", List.of(cafe)));
        long customer = RewardsRows.customer(t, "Carla Cliente", 0);
        TestDatabase.get().dsl().execute("UPDATE tenants SET lumis_por_monto = 1000 WHERE id = ?", t.id());
        TestDatabase.get().dsl().execute("INSERT INTO repartidores (tenant_id, nombre) VALUES (?, 'Rafa Reparto')", t.id());

        ChromiumUser.signIn(t.oficina());
        Chromium.open("/carrito");
        ChromiumUser.type("sku", "CAFE-1");
        ChromiumUser.setValue("cantidad", "3");
        Chromium.clickAndWait(By.cssSelector("[data-testid=add]"));
        new org.openqa.selenium.support.ui.Select(Chromium.driver().findElement(By.id("customer_id"))).selectByValue(String.valueOf(customer));
        Chromium.clickAndWait(By.cssSelector("form[action=\"/carrito/cliente\"] button[type=submit]"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=confirmar-pedido]"));
        assertTrue(Chromium.driver().getCurrentUrl().matches(".*/pedidos/\\d+$"), Chromium.driver().getCurrentUrl());
        String page = Chromium.driver().getPageSource();
        assertTrue(page.contains("3x2 Especial") && page.contains("Taza de regalo") && page.contains("Carla Cliente"), page);
        Chromium.screenshotFullPage("pedido-confirmado-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("pedido-confirmado-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");

        Chromium.clickAndWait(By.cssSelector("[data-testid=asignar]"));
        assertTrue(Chromium.driver().getPageSource().contains("En reparto"));
        Chromium.clickAndWait(By.cssSelector("[data-testid=entregar]"));
        assertTrue(Chromium.driver().findElement(By.cssSelector("[data-testid=estado]")).getText().contains("Entregado"));
        assertTrue(Chromium.driver().findElement(By.cssSelector("[data-testid=lumis]")).getText().startsWith("25"), "$ 25.980 at 1 per $ 1.000");
        Chromium.screenshotFullPage("pedido-entregado-phone");
        Chromium.clickAndWait(By.cssSelector("[data-testid=devolver]"));
        Chromium.screenshotFullPage("pedido-devolver-phone");
        assertEquals(0, Chromium.horizontalOverflow());

        Chromium.desktop();
        Chromium.open("/pedidos");
        assertTrue(Chromium.driver().findElement(By.cssSelector("[data-testid=pedidos]")).getText().contains("Carla Cliente"));
        Chromium.screenshotFullPage("pedidos-desktop");
        Chromium.phone();
        Chromium.screenshotFullPage("pedidos-phone");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.desktop();
    }
}
