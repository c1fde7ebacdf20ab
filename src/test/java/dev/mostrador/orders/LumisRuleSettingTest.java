package dev.mostrador.orders;

import dev.mostrador.support.Browser;
import dev.mostrador.support.FormData;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.mostrador.orders.OrderData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shop's lümis earning rule on /ajustes: money in the shop's format, above zero, empty = off. */
class LumisRuleSettingTest {

    private static BigDecimal rule(Fixtures.TestTenant t) {
        return (BigDecimal) dsl().fetchValue("SELECT lumis_por_monto FROM tenants WHERE id = ?", t.id());
    }

    @Test
    void anAdminSetsTheRuleInTheShopsFormatAndClearsIt() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertTrue(admin.get("/ajustes").body().contains("name=\"lumis_por_monto\""));
        Map<String, String> form = FormData.shopSettings();
        form.put("locale", "es-CL");
        form.put("time_zone", "America/Santiago");
        form.put("lumis_por_monto", "1.000");
        HttpResponse<String> saved = admin.post("/ajustes", form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(0, new BigDecimal("1000").compareTo(rule(t)), "es-CL writes a thousand as 1.000");
        assertTrue(admin.get("/ajustes").body().contains("value=\"1.000\""), "shown back as the shop writes it");

        for (String bad : new String[] {"0", "-5", "cien", "10,5"}) {
            form.put("lumis_por_monto", bad);
            HttpResponse<String> refused = admin.post("/ajustes", form);
            assertEquals(422, refused.statusCode(), bad);
            assertTrue(refused.body().contains("id=\"lumis_por_monto-error\""), bad);
        }
        assertEquals(0, new BigDecimal("1000").compareTo(rule(t)));

        form.remove("lumis_por_monto");
        assertEquals(303, admin.post("/ajustes", form).statusCode());
        assertEquals(0, new BigDecimal("1000").compareTo(rule(t)), "a form without the field keeps the rule");
        form.put("lumis_por_monto", "");
        assertEquals(303, admin.post("/ajustes", form).statusCode());
        assertNull(rule(t), "empty: off");
    }
}
