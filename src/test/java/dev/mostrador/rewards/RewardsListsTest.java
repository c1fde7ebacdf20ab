package dev.mostrador.rewards;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mostrador.support.HtmlOrder.assertOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sortable columns, CSV export, date presets, "Duplicar" and "Guardar y agregar otro" on the rewards lists and users. */
class RewardsListsTest {

    @Test
    void customersMerchantsOffersAndUsersSortBothWaysAndExport() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        RewardsData data = RewardsData.of(t);
        data.customer("Beatriz", "b@x.cl", 500);
        data.customer("Alicia", "a@x.cl", 900);
        data.customer("=1+2 Carla", "c@x.cl", 100);
        RewardsData.of(other).customer("Ajena", "z@x.cl", 1);
        String m1 = data.merchant("Almacén Sur", null).get("merchant_id").asText();
        data.merchant("Botillería Norte", null);
        data.offerAt("Café", m1, 300);
        data.offerAt("Bebida", null, 100);
        data.offerAt("Almuerzo", null, 900);
        Browser admin = new Browser().signedIn(t.admin());

        assertOrder(admin.get("/recompensas/clientes").body(), "=1+2 Carla", "Alicia", "Beatriz");
        assertOrder(admin.get("/recompensas/clientes?sort=balance&dir=desc").body(), "Alicia", "Beatriz", "=1+2 Carla");
        assertOrder(admin.get("/recompensas/clientes?sort=balance&dir=asc").body(), "=1+2 Carla", "Beatriz", "Alicia");
        assertEquals(200, admin.get("/recompensas/clientes?sort=lumis_balance;--&dir=asc").statusCode());
        List<String> customers = admin.get("/recompensas/clientes.csv?sort=balance&dir=desc").body().lines().toList();
        assertEquals(4, customers.size(), "the header and this tenant's three");
        // Every column of the CRM (CustomersListTest checks them one by one): name, tax id, e-mail… the balance last.
        assertTrue(customers.get(1).contains(";Alicia;;a@x.cl;") && customers.get(1).endsWith(";900"), customers.get(1));
        assertTrue(customers.get(3).contains(";'=1+2 Carla;;c@x.cl;") && customers.get(3).endsWith(";100"), customers.get(3));
        assertEquals(2, admin.get("/recompensas/clientes.csv?q=ali").body().lines().count(), "the search applies");

        assertOrder(admin.get("/recompensas/comercios?sort=name&dir=desc").body(), "Botillería Norte", "Almacén Sur");
        assertOrder(admin.get("/recompensas/comercios?sort=name&dir=asc").body(), "Almacén Sur", "Botillería Norte");
        String merchants = admin.get("/recompensas/comercios.csv?sort=name&dir=desc").body();
        assertOrder(merchants, "Botillería Norte", "Almacén Sur");
        assertFalse(merchants.toLowerCase().contains("api_key"), "no keys in the export");

        assertOrder(admin.get("/recompensas/catalogo?sort=lumis&dir=asc").body(), "Bebida", "Café", "Almuerzo");
        assertOrder(admin.get("/recompensas/catalogo?sort=lumis&dir=desc").body(), "Almuerzo", "Café", "Bebida");
        assertOrder(admin.get("/recompensas/catalogo?sort=merchant&dir=asc").body(), "Café");
        String offers = admin.get("/recompensas/catalogo.csv?sort=lumis&dir=desc").body();
        assertOrder(offers, "Almuerzo", "Café", "Bebida");
        assertTrue(offers.contains(";Café;Almacén Sur;"), offers);

        assertOrder(admin.get("/users?sort=email&dir=asc").body(), t.admin(), t.oficina(), t.vendedor());
        assertOrder(admin.get("/users?sort=email&dir=desc").body(), t.vendedor(), t.oficina(), t.admin());
        List<String> users = admin.get("/users.csv?sort=email&dir=desc").body().lines().toList();
        assertEquals(4, users.size());
        assertTrue(users.get(1).contains(t.vendedor()), users.get(1));
        assertEquals(403, new Browser().signedIn(t.vendedor()).get("/users.csv").statusCode());
        assertEquals(403, new Browser().signedIn(t.vendedor()).get("/recompensas/comercios.csv").statusCode());
    }

    @Test
    void redemptionsSortByDateEitherWayExportTheFilterAndOfferDatePresets() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        RewardsData data = RewardsData.of(t);
        String offer = data.offerAt("Café", null, 10);
        long ana = data.customer("Ana", "ana@x.cl", 100);
        long beto = data.customer("Beto", "beto@x.cl", 100);
        long caro = data.customer("Caro", "caro@x.cl", 100);
        data.redeem(data.admin, ana, offer);
        data.redeem(data.admin, beto, offer);
        data.redeem(data.admin, caro, offer);
        RewardsData theirs = RewardsData.of(other);
        theirs.redeem(theirs.admin, theirs.customer("Ajeno", "aj@x.cl", 100), theirs.offerAt("Té", null, 10));
        Browser admin = new Browser().signedIn(t.admin());

        String newest = admin.get("/recompensas/canjes").body();
        assertOrder(newest, ">Caro<", ">Beto<", ">Ana<");
        assertTrue(newest.contains("aria-sort=\"descending\""));
        assertOrder(admin.get("/recompensas/canjes?sort=created&dir=asc").body(), ">Ana<", ">Beto<", ">Caro<");
        assertOrder(admin.get("/recompensas/canjes?sort=lumis&dir=asc").body(), ">Caro<", ">Beto<", ">Ana<");

        String today = LocalDate.now(t.tenant().zone()).toString();
        String week = LocalDate.now(t.tenant().zone()).minusDays(6).toString();
        String first = LocalDate.now(t.tenant().zone()).withDayOfMonth(1).toString();
        String page = admin.get("/recompensas/canjes?status=pending").body();
        assertTrue(page.contains("href=\"/recompensas/canjes?status=pending&amp;from=" + today + "&amp;to=" + today + "&amp;sort=created&amp;dir=desc\""), "Hoy");
        assertTrue(page.contains("from=" + week + "&amp;to=" + today), "7 días");
        assertTrue(page.contains("from=" + first + "&amp;to="), "Este mes");
        assertOrder(admin.get("/recompensas/canjes?from=" + today + "&to=" + today).body(), ">Caro<", ">Beto<", ">Ana<");
        assertFalse(admin.get("/recompensas/canjes?from=" + LocalDate.now().minusDays(9) + "&to=" + LocalDate.now().minusDays(8)) .body().contains(">Ana<"));

        HttpResponse<String> csv = admin.get("/recompensas/canjes.csv?sort=created&dir=asc&from=" + today + "&to=" + today);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("canjes-" + today + ".csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(4, lines.size(), csv.body());
        assertTrue(lines.get(1).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};[A-Z0-9-]+;Ana;Café;;Pendiente;10"), lines.get(1));
        assertTrue(lines.get(3).contains(";Caro;"));
        assertEquals(1, admin.get("/recompensas/canjes.csv?status=cancelled").body().lines().count(), "the status filter applies");
        assertFalse(csv.body().contains("Ajeno"));
    }

    @Test
    void rewardOffersDuplicateAndSaveAndAddAnother() {
        var t = Fixtures.tenant();
        var other = Fixtures.tenant();
        RewardsData data = RewardsData.of(t);
        String id = data.offerAt("Café gratis", null, 250);
        Browser admin = new Browser().signedIn(t.admin());
        assertTrue(admin.get("/recompensas/catalogo").body().contains("href=\"/recompensas/catalogo/" + id + "/duplicate\""));
        String copy = admin.get("/recompensas/catalogo/" + id + "/duplicate").body();
        assertTrue(copy.contains("value=\"Café gratis (copia)\""));
        assertTrue(copy.contains("value=\"250\""));
        assertTrue(copy.contains("action=\"/recompensas/catalogo\""), "it creates a new offer");
        assertEquals(404, new Browser().signedIn(other.admin()).get("/recompensas/catalogo/" + id + "/duplicate").statusCode());

        Map<String, String> form = new HashMap<>();
        form.put("name_friendly", "Té gratis");
        form.put("lumis_cost", "100");
        form.put("is_active", "true");
        form.put("next", "new");
        HttpResponse<String> saved = admin.post("/recompensas/catalogo", form);
        assertEquals(303, saved.statusCode());
        assertEquals("/recompensas/catalogo/new", saved.headers().firstValue("Location").orElseThrow());
        String next = admin.get("/recompensas/catalogo/new").body();
        assertTrue(next.contains("Recompensa «Té gratis» creada."));
        assertFalse(next.contains("value=\"Té gratis\""));
    }
}
