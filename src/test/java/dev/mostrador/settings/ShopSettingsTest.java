package dev.mostrador.settings;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.FormData;
import dev.mostrador.support.Images;
import dev.mostrador.support.TestDatabase;
import org.jooq.Record;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Ajustes de la tienda" over HTTP: a valid save, each bad field named in a 422, roles, tenants. */
class ShopSettingsTest {

    static Record row(UUID tenant) {
        return TestDatabase.get().dsl().fetchOne("SELECT name, time_zone, currency, locale, primary_color, accent_color FROM tenants WHERE id = ?", tenant);
    }

    @Test
    void anAdminSavesTheSettingsAndThePublicPageShowsThemAtOnce() {
        var t = Fixtures.tenant();
        Browser anyone = new Browser();
        String publicPage = "/t/" + t.tenant().slug() + "/ofertas";
        assertTrue(anyone.get(publicPage).body().contains(t.tenant().name()), "the old name, now cached");

        Browser admin = new Browser().signedIn(t.admin());
        HttpResponse<String> page = admin.get("/ajustes");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Ajustes de la tienda") && page.body().contains("value=\"" + t.tenant().name() + "\""), page.body());
        assertTrue(page.body().contains("href=\"/ajustes\""), "in the admin's menu");
        Map<String, String> form = FormData.shopSettings();
        form.put("currency", "UYU");
        form.put("currency_confirmed", "true");
        HttpResponse<String> saved = admin.post("/ajustes", form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(admin.get("/ajustes").body().contains("La moneda ahora es UYU; los precios existentes no se convirtieron."));

        Record r = row(t.id());
        assertEquals("Almacén Don Pepe", r.get("name"));
        assertEquals("America/Montevideo", r.get("time_zone"));
        assertEquals("UYU", r.get("currency"));
        assertEquals("es-UY", r.get("locale"));
        assertEquals("#0b6e4f", r.get("primary_color"), "colours are kept in lower case");
        assertEquals("#ffd166", r.get("accent_color"));

        String html = anyone.get(publicPage).body();
        assertTrue(html.contains("<h1 class=\"shop-name\" data-testid=\"shop-name\">Almacén Don Pepe</h1>"), "the cache was dropped: " + html);
        assertTrue(html.contains("href=\"/t/" + t.tenant().slug() + "/theme.css?v=0b6e4fffd166\""), html);
        HttpResponse<String> css = anyone.get("/t/" + t.tenant().slug() + "/theme.css?v=0b6e4fffd166");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertTrue(css.body().contains(".shop-bar { background: #0b6e4f; color: #ffffff;"), "white reads on dark green: " + css.body());
        assertTrue(css.body().contains(".promo-badge { background: #ffd166; color: #000000;"), "black on light yellow: " + css.body());
    }

    @Test
    void inEnglishThePageAndThePublicPagesSpeakEnglish() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        Map<String, String> form = FormData.shopSettings();
        form.put("locale", "en-US");
        assertEquals(303, admin.post("/ajustes", form).statusCode());
        String page = admin.get("/ajustes").body();
        assertTrue(page.contains("The shop settings were saved.") && page.contains("Shop settings") && page.contains("en-US · English (United States)"), page);
        form.put("primary_color", "blue");
        assertTrue(admin.post("/ajustes", form).body().contains("Type a colour like #1f5fbf"));
        assertTrue(new Browser().get("/t/" + t.tenant().slug() + "/ofertas").body().contains("Current offers"));
    }

    @Test
    void eachBadFieldIsA422NamingItAndNothingIsSaved() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        Map<String, String[]> bad = new java.util.LinkedHashMap<>();
        bad.put("name", new String[] {"", "Nombre de la tienda es obligatorio."});
        bad.put("time_zone", new String[] {"Marte/Olympus", "Elija una zona horaria de la lista"});
        bad.put("currency", new String[] {"XXX", "Elija una moneda de la lista."});
        bad.put("locale", new String[] {"fr-FR", "Elija un idioma de la lista."});
        bad.put("primary_color", new String[] {"red", "Escriba un color como #1f5fbf"});
        bad.put("accent_color", new String[] {"#12345g", "Escriba un color como #1f5fbf"});
        for (var e : bad.entrySet()) {
            Map<String, String> form = FormData.shopSettings();
            form.put(e.getKey(), e.getValue()[0]);
            HttpResponse<String> r = admin.post("/ajustes", form);
            assertEquals(422, r.statusCode(), e.getKey());
            assertTrue(r.body().contains("href=\"#" + e.getKey() + "\""), "the summary links to " + e.getKey());
            assertTrue(r.body().contains("id=\"" + e.getKey() + "-error\">" + e.getValue()[1]), e.getKey() + ": " + r.body());
        }
        Map<String, String> offset = FormData.shopSettings();
        offset.put("time_zone", "-03:00");
        assertEquals(422, admin.post("/ajustes", offset).statusCode(), "a fixed offset misses the clock changes");
        Map<String, String> newCurrency = FormData.shopSettings();
        newCurrency.put("currency", "ARS");
        HttpResponse<String> unconfirmed = admin.post("/ajustes", newCurrency);
        assertEquals(422, unconfirmed.statusCode());
        assertTrue(unconfirmed.body().contains("Los precios existentes no se convierten a la nueva moneda."), unconfirmed.body());
        assertEquals(t.tenant().name(), row(t.id()).get("name"), "nothing saved");
        assertEquals("CLP", row(t.id()).get("currency"));
    }

    @Test
    void onlyAdminsSeeOrChangeTheSettings() {
        var t = Fixtures.tenant();
        for (String email : new String[] {t.oficina(), t.vendedor()}) {
            Browser b = new Browser().signedIn(email);
            assertEquals(403, b.get("/ajustes").statusCode());
            assertEquals(403, b.post("/ajustes", FormData.shopSettings()).statusCode());
            assertEquals(403, b.postFile("/ajustes/logo", "logo", "logo.png", "image/png", Images.PNG).statusCode());
            assertFalse(b.get("/dashboard").body().contains("href=\"/ajustes\""), "not in their menu");
        }
        assertEquals(t.tenant().name(), row(t.id()).get("name"));
    }

    @Test
    void anAdminChangesOnlyTheirOwnTenant() {
        var mine = Fixtures.tenant();
        var other = Fixtures.tenant();
        Browser admin = new Browser().signedIn(mine.admin());
        Map<String, String> form = FormData.shopSettings();
        form.put("tenant_id", other.id().toString());
        form.put("slug", other.tenant().slug());
        assertEquals(303, admin.post("/ajustes", form).statusCode());
        assertEquals("Almacén Don Pepe", row(mine.id()).get("name"));
        assertEquals(other.tenant().name(), row(other.id()).get("name"), "the other tenant is untouched");
        assertTrue(new Browser().signedIn(other.admin()).get("/ajustes").body().contains("value=\"" + other.tenant().name() + "\""));
    }
}
