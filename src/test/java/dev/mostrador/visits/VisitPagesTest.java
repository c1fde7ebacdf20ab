package dev.mostrador.visits;

import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visits' pages: plan, the day on the road, record, reprogram, the office's summary, the cart and the customer page. */
class VisitPagesTest {

    @Test
    void aVendedorPlansWithTheFieldsCheckedAndCannotOpenAnotherVendedorsVisit() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        long customer = VisitData.customer(t.id(), "Pablo Pérez", "+56 9 1111 2222", null, null);
        long theirs = VisitData.customer(other.id(), "Ajeno", null, null, null);
        Browser vendedor = new Browser().signedIn(t.vendedor());

        String form = vendedor.get("/visitas/new?q=pérez").body();
        assertTrue(form.contains("data-testid=\"customer-" + customer + "\""), "the search finds the customer");
        HttpResponse<String> bad = vendedor.post("/visitas", Map.of("fecha", "31/02/2026", "hora", "25:00"));
        assertEquals(422, bad.statusCode());
        for (String field : new String[] {"customer_id", "fecha", "hora"}) {
            assertTrue(bad.body().contains("id=\"" + field + "-error\""), field + " " + bad.body());
        }
        String tomorrow = LocalDate.now(t.tenant().zone()).plusDays(1).toString();
        assertEquals(404, vendedor.post("/visitas", Map.of("customer_id", String.valueOf(theirs), "fecha", tomorrow, "hora", "10:00")).statusCode(),
                "another tenant's customer is not found");
        HttpResponse<String> planned = vendedor.post("/visitas", Map.of("customer_id", String.valueOf(customer), "fecha", tomorrow, "hora", "10:30"));
        assertEquals(303, planned.statusCode(), planned.body());
        String location = planned.headers().firstValue("Location").orElseThrow();
        assertTrue(vendedor.get(location).body().contains("Pablo Pérez"));

        Browser colleague = new Browser().signedIn(Fixtures.user(t, Role.VENDEDOR));
        assertEquals(404, colleague.get(location).statusCode(), "another vendedor's visit is not found");
        assertEquals(404, colleague.post(location + "/resultado", Map.of("outcome", "venta")).statusCode());
        assertEquals(404, colleague.post(location, Map.of("customer_id", String.valueOf(customer), "fecha", tomorrow, "hora", "11:00")).statusCode());
        assertFalse(colleague.get("/visitas?dia=" + tomorrow).body().contains("Pablo Pérez"), "nor listed");
        assertTrue(new Browser().signedIn(t.oficina()).get("/visitas?dia=" + tomorrow).body().contains("Pablo Pérez"), "oficina sees everyone's");
        assertEquals(403, vendedor.get("/visitas/resumen").statusCode());
    }

    @Test
    void todayListsMyVisitsInTimeOrderWithTheCustomersFactsAndRecordsWithOneTap() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long me = VisitData.userId(t.vendedor());
        long other = VisitData.userId(Fixtures.user(t, Role.VENDEDOR));
        long late = VisitData.customer(t.id(), "Tarde Torres", "+56 9 3333 4444", "Av. Siempre Viva 742", "Valparaíso");
        long early = VisitData.customer(t.id(), "Temprano Tapia", null, null, null);
        long noon = VisitData.customer(t.id(), "Mediodía Muñoz", null, null, null);
        VisitData.visit(t, late, me, VisitData.on(t, LocalDate.now(t.tenant().zone()).minusDays(10), 12, 0), "no_estaba");
        long lateVisit = VisitData.visit(t, late, me, VisitData.today(t, 16, 0), null);
        long earlyVisit = VisitData.visit(t, early, me, VisitData.today(t, 8, 15), null);
        VisitData.visit(t, noon, me, VisitData.today(t, 12, 0), "venta");
        VisitData.visit(t, noon, other, VisitData.today(t, 11, 0), null);
        VisitData.visit(t, early, me, VisitData.on(t, LocalDate.now(t.tenant().zone()).plusDays(1), 9, 0), null);
        Browser vendedor = new Browser().signedIn(t.vendedor());

        String page = vendedor.get("/visitas/hoy").body();
        int a = page.indexOf("Temprano Tapia"), b = page.indexOf("Mediodía Muñoz"), c = page.indexOf("Tarde Torres");
        assertTrue(a > 0 && a < b && b < c, "in time order: " + a + " " + b + " " + c);
        assertTrue(page.contains("08:15") && page.contains("16:00"), page);
        assertEquals(3, page.split("data-testid=\"visit-customer\"").length - 1, "mine of today only");
        assertTrue(page.contains("href=\"tel:+56933334444\""), "the phone as a tel: link");
        assertTrue(page.contains("https://www.google.com/maps/search/?api=1&amp;query=Av.+Siempre+Viva+742%2C+Valpara%C3%ADso"), "the address on a map");
        assertTrue(page.contains("Última visita: No estaba"), "the customer's last outcome");
        assertTrue(page.contains("data-testid=\"record-venta-" + earlyVisit + "\""));

        HttpResponse<String> recorded = vendedor.post("/visitas/" + earlyVisit + "/resultado", Map.of("outcome", "sin_venta", "volver", "hoy"));
        assertEquals(303, recorded.statusCode());
        assertEquals("/visitas/hoy", recorded.headers().firstValue("Location").orElseThrow());
        assertEquals("sin_venta", VisitData.outcome(earlyVisit));
        assertTrue(vendedor.get("/visitas/hoy").body().contains("2 registradas"));

        String nextWeek = LocalDate.now(t.tenant().zone()).plusDays(7).toString();
        HttpResponse<String> bad = vendedor.post("/visitas/" + lateVisit + "/resultado", Map.of("outcome", "reprogramar"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"next_action_date-error\""), bad.body());
        HttpResponse<String> again = vendedor.post("/visitas/" + lateVisit + "/resultado", Map.of("outcome", "reprogramar", "next_action_date", nextWeek));
        assertEquals(303, again.statusCode());
        String offer = again.headers().firstValue("Location").orElseThrow();
        assertEquals("/visitas/new?customer_id=" + late + "&vendedor_id=" + me + "&fecha=" + nextWeek + "&hora=16:00", offer);
        String plan = vendedor.get(offer).body();
        assertTrue(plan.contains("value=\"" + nextWeek + "\"") && plan.contains("value=\"16:00\""), "the next visit's form, filled in");
    }

    @Test
    void theSummaryCountsEachOutcomeAndTheConversionAndExportsIt() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long vera = VisitData.userId(t.vendedor());
        long ana = VisitData.userId(t.admin());
        long c = VisitData.customer(t.id(), "Cliente Resumen", null, null, null);
        LocalDate day = LocalDate.now(t.tenant().zone()).minusDays(2);
        for (String o : new String[] {"venta", "venta", "sin_venta", "no_estaba", "reprogramar", "sin_venta", null}) {
            VisitData.visit(t, c, vera, VisitData.on(t, day, 10, 0), o);
        }
        VisitData.visit(t, c, ana, VisitData.on(t, day, 11, 0), "venta");
        VisitData.visit(t, c, ana, VisitData.on(t, day, 12, 0), null);
        VisitData.visit(t, c, ana, VisitData.on(t, day.minusDays(60), 12, 0), "venta"); // outside the range
        Browser oficina = new Browser().signedIn(t.oficina());

        String query = "?desde=" + day.minusDays(1) + "&hasta=" + day;
        String page = oficina.get("/visitas/resumen" + query).body();
        String veraRow = row(page, "summary-" + vera);
        assertTrue(veraRow.contains(">7<") && veraRow.contains(">6<") && veraRow.contains(">2<"), veraRow);
        assertTrue(veraRow.contains("33,3 %"), "2 sales of 6 done: " + veraRow);
        String anaRow = row(page, "summary-" + ana);
        assertTrue(anaRow.contains(">2<") && anaRow.contains("100,0 %"), anaRow);
        String total = row(page, "summary-total");
        assertTrue(total.contains(">9<") && total.contains(">7<") && total.contains(">3<") && total.contains("42,9 %"), "3 of 7: " + total);

        String csv = oficina.get("/visitas/resumen.csv" + query).body();
        assertTrue(csv.contains("Vera Vendedora;7;6;2;2;1;1;33,3"), csv);
        assertTrue(csv.contains("Total;9;7;3;2;1;1;42,9"), csv);
        assertTrue(oficina.get("/visitas/resumen" + query + "&vendedor=" + ana).body().contains("data-testid=\"summary-" + ana + "\""));
        assertEquals(422, oficina.get("/visitas/resumen?desde=" + day + "&hasta=" + day.minusDays(3)).statusCode());
        assertEquals(422, oficina.get("/visitas/resumen?desde=ayer").statusCode());
        assertTrue(oficina.get("/visitas?dia=" + day + "&vista=semana").body().contains("Cliente Resumen"), "the week view");
    }

    @Test
    void aVisitStartsACartForItsCustomerAndTheCustomerPageShowsItsVisits() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long customer = VisitData.customer(t.id(), "Carla Carrito", null, null, null);
        long visit = VisitData.visit(t, customer, VisitData.userId(t.vendedor()), VisitData.today(t, 10, 0), "venta");
        Browser vendedor = new Browser().signedIn(t.vendedor());

        HttpResponse<String> started = vendedor.post("/visitas/" + visit + "/carrito", Map.of());
        assertEquals(303, started.statusCode());
        assertEquals("/carrito", started.headers().firstValue("Location").orElseThrow());
        Object inCart = VisitData.dsl().fetchValue("SELECT customer_id FROM carritos WHERE tenant_id = ? AND user_id = ? AND estado = 'abierto'",
                t.id(), VisitData.userId(t.vendedor()));
        assertEquals(customer, ((Number) inCart).longValue());
        assertTrue(vendedor.get("/carrito").body().contains("Carla Carrito"));

        String page = vendedor.get("/recompensas/clientes/" + customer).body();
        assertTrue(page.contains("href=\"/visitas/new?customer_id=" + customer + "\""), "Planificar visita");
        assertTrue(page.contains("data-testid=\"customer-visits\"") && page.contains("href=\"/visitas/" + visit + "\""), page);
    }

    private static String row(String html, String testId) {
        int at = html.indexOf("data-testid=\"" + testId + "\"");
        assertTrue(at > 0, testId + " in " + html);
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
