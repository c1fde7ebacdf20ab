package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import dev.mostrador.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.jooq.DSLContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repartidor's day on a 390 px phone, the "Entregado" button, the list and the remito. */
@WithChromium
class RepartidorBrowserTest {

    @Test
    void theDriversDayOnAPhoneAndTheRemito() {
        Fixtures.TestTenant t = Fixtures.tenant();
        DSLContext dsl = TestDatabase.get().dsl();
        long rosa = ((Number) dsl.fetchValue("INSERT INTO repartidores (tenant_id, nombre, telefono) VALUES (?, 'Rosa Ruta', '+56 9 1111 2222') RETURNING id",
                t.id())).longValue();
        long customer = RewardsRows.customer(t, "Carla Cliente de Apellido Largo", 0);
        long user = new UserRepository(dsl).findForLogin(t.admin()).orElseThrow().getId();
        long product = ((Number) dsl.fetchValue("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?, 'YER-1', 'Yerba Mate Suave 1 kg', 4990) RETURNING id",
                t.id())).longValue();
        long first = 0;
        for (int i = 0; i < 2; i++) {
            long id = ((Number) dsl.fetchValue("""
                    INSERT INTO pedidos (tenant_id, estado, customer_id, user_id, repartidor_id, direccion, telefono, moneda, subtotal, descuento, total)
                    VALUES (?, 'en_reparto', ?, ?, ?, 'Pasaje Los Aromos 1234, depto 56, Ñuñoa', '+56 9 8765 4321', 'CLP', 9980, 0, 9980) RETURNING id""",
                    t.id(), customer, user, rosa)).longValue();
            dsl.execute("""
                    INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, neto)
                    VALUES (?, ?, 1, ?, 'YER-1', 'Yerba Mate Suave 1 kg', 4990, 2, 9980)""", t.id(), id, product);
            if (first == 0) first = id;
        }

        ChromiumUser.signIn(t.vendedor());
        Chromium.phone();
        Chromium.open("/repartidores/" + rosa + "/hoy");
        Chromium.screenshotFullPage("repartidor-hoy-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");
        int buttonHeight = Chromium.driver().findElement(By.cssSelector("[data-testid=entregar-" + first + "]")).getSize().getHeight();
        assertTrue(buttonHeight >= 48, "a thumb-sized button: " + buttonHeight);

        Chromium.clickAndWait(By.cssSelector("[data-testid=entregar-" + first + "]"));
        assertTrue(Chromium.driver().getCurrentUrl().endsWith("/repartidores/" + rosa + "/hoy"), Chromium.driver().getCurrentUrl());
        assertTrue(Chromium.driver().getPageSource().contains("1 por entregar · 1 entregado hoy"));
        Chromium.screenshotFullPage("repartidor-hoy-entregado-phone");

        Chromium.open("/repartidores");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("repartidores-list-phone");
        Chromium.open("/pedidos/" + first + "/remito");
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("remito-phone");
        Chromium.desktop();
        Chromium.open("/pedidos/" + first + "/remito");
        Chromium.screenshotFullPage("remito-desktop");
        Chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertEquals("none", Chromium.driver().findElement(By.id("main-nav")).getCssValue("display"), "the menu is not printed");
        Chromium.screenshotFullPage("remito-print");
        Chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

        Chromium.clearCookies();
        ChromiumUser.signIn(t.oficina());
        Chromium.phone();
        Chromium.open("/repartidores/new");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-repartidor]"));
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("repartidor-form-422-phone");
    }
}
