package dev.mostrador.customers;

import dev.mostrador.support.Browser;
import dev.mostrador.support.PageText;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mostrador.customers.CrmData.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A customer's form and page: every field, the latest orders, the timeline of all features; the interests page. */
class CustomerPageTest {

    @Test
    void theFormTakesEveryFieldAndRefusesWhatIsWrongBesideEachField() {
        CrmData d = CrmData.chile();
        long vinos = d.interest("Vinos");
        Browser oficina = new Browser().signedIn(d.tenant.oficina());
        String form = oficina.get("/recompensas/clientes/new").body();
        assertTrue(form.contains("name=\"interes\" value=\"" + vinos + "\"") && form.contains("Vera Vendedora"), "interests and vendedores to choose");

        Map<String, String> bad = new HashMap<>(Map.of("name", "Rosa", "tax_id", "12.345.678-4", "vendedor_id", String.valueOf(d.userId(d.tenant.admin())),
                "status", "vip", "interes", "999999999"));
        HttpResponse<String> refused = oficina.post("/recompensas/clientes", bad);
        assertEquals(422, refused.statusCode());
        for (String field : List.of("tax_id-error", "vendedor_id-error", "status-error")) assertTrue(refused.body().contains("id=\"" + field + "\""), field);
        assertTrue(refused.body().contains("Elige intereses de la lista."));
        assertTrue(refused.body().contains("value=\"12.345.678-4\""), "what was typed comes back");

        Map<String, String> good = new HashMap<>(Map.of("name", "Rosa Núñez", "tax_id", "123456785", "status", "prospecto", "city", "Valdivia",
                "phone_alt", "63 222 3333", "address", "Picarte 123", "notes", "Prefiere WhatsApp", "preferred", "on",
                "vendedor_id", String.valueOf(d.userId(d.tenant.vendedor())), "interes", String.valueOf(vinos)));
        good.put("email", "");
        HttpResponse<String> created = oficina.post("/recompensas/clientes", good);
        assertEquals(303, created.statusCode(), created.body());
        String page = oficina.get(PageText.location(created)).body();
        for (String shown : List.of("12.345.678-5", "63 222 3333", "Picarte 123", "Valdivia", "Prospecto", "Preferente", "Vera Vendedora",
                "Prefiere WhatsApp", "data-testid=\"interest-tag\">Vinos<", "Ingresado a mano", "Óscar Oficina")) {
            assertTrue(page.contains(shown), shown);
        }
        HttpResponse<String> duplicate = oficina.post("/recompensas/clientes", Map.of("name", "Otra", "tax_id", "12.345.678-5"));
        assertEquals(422, duplicate.statusCode());
        assertTrue(duplicate.body().contains("Ya existe un cliente con ese RUT / ID fiscal."));
        assertTrue(oficina.get(PageText.location(created) + "/edit").body().contains("value=\"12.345.678-5\""), "the edit form shows it formatted");
    }

    @Test
    void thePageShowsTheLatestOrdersAndATimelineOfEveryFeature() {
        CrmData d = CrmData.chile();
        long id = d.customer(Map.of("name", "Tomás"));
        for (int i = 0; i < 12; i++) d.order(id, i == 11 ? "entregado" : "confirmado", String.valueOf(1000 + i));
        long last = d.order(id, "cancelado", "5000");
        d.admin.post("/api/v1/rewards/accumulations", Map.of("customer_id", id, "amount", 70, "reason", "Compra boleta 9"));
        assertEquals(200, d.admin.put(API + "/" + id, Map.of("name", "Tomás Ruiz", "city", "Temuco")).status());

        Browser b = new Browser().signedIn(d.tenant.vendedor());
        String page = b.get("/recompensas/clientes/" + id).body();
        assertEquals(10, page.split("data-testid=\"customer-order\"", -1).length - 1, "the latest ten orders");
        assertTrue(page.contains("href=\"/pedidos/" + last + "\">#" + last + "<") && page.contains("Cancelado"));
        assertTrue(page.contains("href=\"/pedidos?customer_id=" + id + "\""), "a link to all of them");
        // Order numbers are written with the shop's grouping ("#9.204" once the ids pass a thousand).
        String timeline = page.substring(page.indexOf("data-testid=\"timeline\"")).replaceAll("#(\\d{1,3})\\.(\\d{3})\\b", "#$1$2");
        assertTrue(timeline.contains("Ana Admin cambió: nombre, ciudad."), timeline);
        assertTrue(timeline.contains("70 lümis: Compra boleta 9"), timeline);
        assertTrue(timeline.contains("Pedido #" + last + ": Cancelado, $ 5.000"), timeline);
        assertTrue(timeline.contains("Óscar Oficina creó el cliente (Ingresado a mano)."), timeline);
        assertTrue(timeline.indexOf("cambió") < timeline.indexOf("creó"), "newest first");
        assertFalse(page.contains("/recompensas/clientes/" + id + "/edit"), "a vendedor does not edit");
    }

    @Test
    void interestsAreAddedRenamedAndDeletedSayingHowManyCustomersHaveThem() {
        CrmData d = CrmData.chile();
        Browser admin = new Browser().signedIn(d.tenant.admin());
        assertEquals(303, admin.post("/recompensas/intereses", Map.of("nombre", "Vinos")).statusCode());
        HttpResponse<String> twice = admin.post("/recompensas/intereses", Map.of("nombre", "VINOS"));
        assertEquals(422, twice.statusCode());
        assertTrue(twice.body().contains("Ya existe un interés con ese nombre."));
        assertEquals(422, admin.post("/recompensas/intereses", Map.of("nombre", " ")).statusCode());
        long vinos = ((Number) CrmData.db().fetchValue("SELECT id FROM intereses WHERE tenant_id = ?", d.tenant.id())).longValue();
        long quesos = d.interest("Quesos");
        d.customer(Map.of("name", "A", "interest_ids", List.of(vinos)));
        d.customer(Map.of("name", "B", "interest_ids", List.of(vinos, quesos)));
        assertEquals(303, admin.post("/recompensas/intereses/" + vinos, Map.of("nombre", "Vinos tintos")).statusCode());
        assertEquals(422, admin.post("/recompensas/intereses/" + vinos, Map.of("nombre", "quesos")).statusCode());
        String list = admin.get("/recompensas/intereses").body();
        assertTrue(list.contains("value=\"Vinos tintos\""), list);
        assertTrue(admin.get("/recompensas/intereses/" + vinos + "/delete").body().contains("2 clientes tienen el interés Vinos tintos y lo perderán."));
        assertEquals(303, admin.post("/recompensas/intereses/" + vinos + "/delete", Map.of()).statusCode());
        assertEquals(0, CrmData.db().fetchCount(CrmData.db().selectFrom("customer_intereses").where("interes_id = ?", vinos)));
        assertEquals(403, new Browser().signedIn(d.tenant.vendedor()).get("/recompensas/intereses").statusCode());
    }
}
