package dev.mostrador.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.FormData;
import dev.mostrador.support.Images;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public pages wear the shop: its name and logo on top; the ofertas page says what each oferta is on. */
class PublicShopPagesTest {
    static final String DESDE = LocalDate.now().minusDays(2) + "T00:00:00";
    static final String HASTA = LocalDate.now().plusDays(7) + "T23:59:59";

    static long producto(Api admin, String sku, String nombre, String precio) {
        Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "nombre", nombre, "precio", precio));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json().get("id").asLong();
    }

    static Map<String, Object> oferta(String titulo, String tipo, List<Long> productos) {
        Map<String, Object> body = new HashMap<>();
        body.put("titulo", titulo);
        body.put("desde", DESDE);
        body.put("hasta", HASTA);
        body.put("tipo", tipo);
        body.put("productos", productos);
        return body;
    }

    @Test
    void theOfertasPageNamesTheShopTheProductsTheTiersAndTheGift() {
        var t = Fixtures.tenant();
        Api admin = Api.as(t.admin());
        List<Long> galletas = new ArrayList<>();
        for (String sabor : new String[] {"Chocolate", "Vainilla", "Limón", "Coco", "Frutilla"}) {
            galletas.add(producto(admin, "GALL-" + sabor.substring(0, 3).toUpperCase(), "Galletas " + sabor, "1200"));
        }
        long helado = producto(admin, "HEL-1", "Helado de piña", "1500");
        long bebida = producto(admin, "BEB-1", "Bebida 1,5 L", "1800");

        Map<String, Object> nxm = oferta("Galletas 3x2", "nxm", galletas);
        nxm.put("compra_cantidad", 3);
        nxm.put("paga_cantidad", 2);
        assertEquals(200, admin.post("/api/ofertas", nxm).status());
        Map<String, Object> tiers = oferta("Bebidas por cantidad", "precio_cantidad", List.of(bebida));
        tiers.put("reglas", List.of(Map.of("cantidad", 6, "precio", 990), Map.of("cantidad", 3, "precio", 1290)));
        assertEquals(200, admin.post("/api/ofertas", tiers).status());
        Map<String, Object> regalo = oferta("Helado de regalo", "regalo", List.of(bebida));
        regalo.put("regalo_producto_id", helado);
        regalo.put("regalo_cantidad", 2);
        assertEquals(200, admin.post("/api/ofertas", regalo).status());

        String html = new Browser().get("/t/" + t.tenant().slug() + "/ofertas").body();
        assertTrue(html.contains("<h1 class=\"shop-name\" data-testid=\"shop-name\">" + t.tenant().name() + "</h1>"), html);
        String galletasCard = card(html, "Galletas 3x2");
        assertTrue(galletasCard.contains("Galletas Chocolate, Galletas Vainilla, Galletas Limón y 2 más"), galletasCard);
        String bebidasCard = card(html, "Bebidas por cantidad");
        assertTrue(bebidasCard.contains("Bebida 1,5 L"), bebidasCard);
        assertTrue(bebidasCard.indexOf("<li>3 o más: $ 1.290 c/u</li>") < bebidasCard.indexOf("<li>6 o más: $ 990 c/u</li>")
                && bebidasCard.contains("<li>6 o más: $ 990 c/u</li>"), "every tier, smallest first: " + bebidasCard);
        String regaloCard = card(html, "Helado de regalo");
        assertTrue(regaloCard.contains("De regalo: 2 × Helado de piña"), regaloCard);
        assertFalse(html.contains("theme.css"), "no colours chosen: the app's own");
    }

    @Test
    void theLandingPageAndTheMerchantPortalShowTheShopsNameAndLogoOnTop() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        assertEquals(303, admin.postFile("/ajustes/logo", "logo", "logo.png", "image/png", Images.PNG).statusCode());
        Map<String, String> colours = FormData.shopSettings();
        colours.put("name", "Minimarket La Esquina");
        assertEquals(303, admin.post("/ajustes", colours).statusCode());

        RewardsData d = RewardsData.of(t);
        JsonNode merchant = d.merchant("Café Central", null);
        long customer = d.customer("Rosa", "rosa@example.cl", 1000);
        String code = d.redeem(d.admin, customer, d.offerAt("Café gratis", merchant.get("merchant_id").asText(), 300))
                .get("redemption_code").asText();
        String logo = "class=\"shop-logo\" src=\"/t/" + t.tenant().slug() + "/logo?v=";
        String name = "data-testid=\"shop-name\">Minimarket La Esquina</span>";
        String theme = "href=\"/t/" + t.tenant().slug() + "/theme.css?v=";

        String landing = new Browser().get("/r/" + code).body();
        assertTrue(landing.contains(logo) && landing.contains(name) && landing.contains(theme), landing);
        String portal = MerchantPortal.signedIn(merchant.get("api_key").asText()).home().body();
        assertTrue(portal.contains(logo) && portal.contains(name) && portal.contains(theme), portal);
        String ofertas = new Browser().get("/t/" + t.tenant().slug() + "/ofertas").body();
        assertTrue(ofertas.contains(logo) && ofertas.contains(theme), ofertas);
        assertFalse(new Browser().get("/login").body().contains("shop-bar"), "the staff's sign-in stays Mostrador's");
    }

    private static String card(String html, String titulo) {
        int at = html.indexOf("<h2>" + titulo + "</h2>");
        assertTrue(at >= 0, titulo + " in " + html);
        return html.substring(html.lastIndexOf("<li class=\"promo card\"", at), html.indexOf("</li>\n    ", at) + 5);
    }
}
