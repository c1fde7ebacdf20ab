package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.support.WithChromium;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A vendedor on the road: "Mis visitas de hoy" on a 390 px phone, recording a sale with one thumb-sized tap. */
@WithChromium
class VisitBrowserTest {

    @Test
    void aVendedorRecordsAnOutcomeOnTodaysVisitsOnAPhone() {
        Fixtures.TestTenant t = Fixtures.tenant();
        DSLContext dsl = TestDatabase.get().dsl();
        long me = new UserRepository(dsl).findForLogin(t.vendedor()).orElseThrow().getId();
        long customer = ((Number) dsl.fetchValue("INSERT INTO customers (tenant_id, name, phone, address, city) VALUES (?, "
                + "'Almacén Doña Clotilde de los Ángeles', '+56 9 8765 4321', 'Pasaje Los Aromos 1234, depto 56', 'Ñuñoa') RETURNING id", t.id())).longValue();
        String at = LocalDate.now(t.tenant().zone()).atTime(LocalTime.of(10, 30)).atZone(t.tenant().zone()).toOffsetDateTime().toString();
        long visit = ((Number) dsl.fetchValue("INSERT INTO visitas (tenant_id, customer_id, vendedor_id, planned_at, created_by) "
                + "VALUES (?, ?, ?, ?::timestamptz, ?) RETURNING id", t.id(), customer, me, at, me)).longValue();

        ChromiumUser.signIn(t.vendedor());
        Chromium.phone();
        Chromium.open("/visitas/hoy");
        Chromium.screenshotFullPage("visitas-hoy-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "no sideways scroll on a phone");
        By venta = By.cssSelector("[data-testid=record-venta-" + visit + "]");
        int height = Chromium.driver().findElement(venta).getSize().getHeight();
        assertTrue(height >= 48, "a thumb-sized button: " + height);
        assertTrue(ChromiumUser.smallTapTargets(".outcome-buttons button, .outcome-buttons a, [data-testid=tel]").isEmpty());

        Chromium.clickAndWait(venta);
        assertTrue(Chromium.driver().getCurrentUrl().endsWith("/visitas/hoy"), Chromium.driver().getCurrentUrl());
        String text = ChromiumUser.text("[data-testid=visit-" + visit + "]");
        assertTrue(text.contains("Venta"), text);
        assertTrue(Chromium.driver().getPageSource().contains("0 pendientes · 1 registrada"));
        assertEquals("venta", dsl.fetchValue("SELECT outcome FROM visitas WHERE id = ?", visit));
        Chromium.screenshotFullPage("visitas-hoy-registrada-phone");

        Chromium.open("/visitas/" + visit);
        assertEquals(0, Chromium.horizontalOverflow());
        Chromium.screenshotFullPage("visita-phone");

        Chromium.clearCookies();
        Chromium.desktop();
        ChromiumUser.signIn(t.oficina());
        Chromium.phone();
        for (String page : new String[] {"/visitas?vista=semana", "/visitas/resumen", "/visitas/new?q=clotilde"}) {
            Chromium.open(page);
            assertEquals(0, Chromium.horizontalOverflow(), page + " on a phone");
        }
        Chromium.desktop();
        Chromium.open("/visitas/resumen");
        Chromium.screenshotFullPage("visitas-resumen-desktop");
        Chromium.open("/visitas/new?q=clotilde");
        Chromium.screenshotFullPage("visitas-new-desktop");
    }
}
