package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: money typed in forms and the API. A price with more decimals than the tenant's
 * currency is refused with 422 naming the field; the tenant's own writing ("12.990" in es-CL,
 * "1.990,50" in es-UY) is accepted and stored right; edit forms show the stored amount that way
 * and saving them unchanged stores the same amount.
 */
class MoneyInputTest {
    private static final Fixtures.TestTenant CLP = Fixtures.tenant();
    private static final Fixtures.TestTenant UYU = Fixtures.tenant("UYU", "es-UY", "America/Montevideo");

    @Test
    void productFormsRefuseCentsInPesosChilenosAndReadTheTenantsWriting() {
        Browser admin = new Browser().signedIn(CLP.admin());
        HttpResponse<String> cents = admin.post("/productos", producto("CLP-1", "1990,50"));
        assertEquals(422, cents.statusCode());
        assertTrue(cents.body().contains("id=\"precio-error\"") && cents.body().contains("Precio en CLP no lleva decimales."), cents.body());
        assertTrue(cents.body().contains("value=\"1990,50\""), "what was typed is kept");
        assertEquals(303, admin.post("/productos", producto("CLP-1", "12.990")).statusCode());
        assertEquals("12990.00", producto(CLP, "CLP-1").get("precio").asText());

        Browser uy = new Browser().signedIn(UYU.admin());
        HttpResponse<String> tooPrecise = uy.post("/productos", producto("UYU-1", "1.990,505"));
        assertEquals(422, tooPrecise.statusCode());
        assertTrue(tooPrecise.body().contains("Precio en UYU lleva como máximo 2 decimales."), tooPrecise.body());
        assertEquals(303, uy.post("/productos", producto("UYU-1", "1.990,50")).statusCode());
        assertEquals("1990.50", producto(UYU, "UYU-1").get("precio").asText());
    }

    @Test
    void theProductApiKeepsPlainDecimalsButRefusesExtraOnes() {
        Api.Response clp = Api.as(CLP.admin()).post("/api/productos", Map.of("sku", "API-1", "nombre", "X", "precio", 1990.5));
        assertEquals(422, clp.status());
        assertEquals("Price in CLP takes no decimals.", clp.json().get("fields").get("precio").asText());
        Api.Response uyu = Api.as(UYU.admin()).post("/api/productos", Map.of("sku", "API-1", "nombre", "X", "precio", "1990.505"));
        assertEquals(422, uyu.status());
        assertTrue(uyu.json().get("fields").has("precio"));
        assertEquals(201, Api.as(UYU.admin()).post("/api/productos", Map.of("sku", "API-2", "nombre", "X", "precio", 1990.50)).status());
        assertEquals(201, Api.as(CLP.admin()).post("/api/productos", Map.of("sku", "API-2", "nombre", "X", "precio", "12990.00")).status(),
                "zeros after the point are no decimals");
    }

    @Test
    void ofertaTierPricesFollowTheCurrency() {
        Browser admin = new Browser().signedIn(CLP.admin());
        HttpResponse<String> cents = admin.post("/ofertas", tiers("990,50"));
        assertEquals(422, cents.statusCode());
        assertTrue(cents.body().contains("id=\"reglas-error\"") && cents.body().contains("Fila 1: el precio debe ser un número de 0 o más, en CLP sin decimales."), cents.body());
        Api.Response api = Api.as(UYU.admin()).post("/api/ofertas", OfertasData.with("precio_cantidad",
                "reglas", List.of(Map.of("cantidad", 2, "precio", "90.505"))));
        assertEquals(422, api.status());
        assertTrue(api.json().get("fields").has("reglas"), String.valueOf(api.json()));
        Api.Response ok = Api.as(UYU.admin()).post("/api/ofertas", OfertasData.with("precio_cantidad",
                "reglas", List.of(Map.of("cantidad", 2, "precio", 90.50))));
        assertEquals(200, ok.status(), String.valueOf(ok.json()));
    }

    @Test
    void editFormsShowTheTenantsWritingAndSaveItBackUnchanged() {
        roundTrip(CLP, "12990", "12.990", "1990", "1.990");
        roundTrip(UYU, "1990.50", "1.990,50", "1234.5", "1.234,50");
    }

    private static void roundTrip(Fixtures.TestTenant t, String precio, String shown, String tier, String tierShown) {
        Api api = Api.as(t.admin());
        long id = OfertasData.producto(api, "RT", precio);
        Browser admin = new Browser().signedIn(t.admin());
        String form = admin.get("/productos/" + id + "/edit").body();
        assertEquals(shown, value(form, "precio"));
        assertEquals(303, admin.post("/productos/" + id, producto("RT", value(form, "precio"))).statusCode());
        assertEquals(0, producto(t, "RT").get("precio").decimalValue().compareTo(new java.math.BigDecimal(precio)));

        long oferta = api.post("/api/ofertas", OfertasData.with("precio_cantidad",
                "reglas", List.of(Map.of("cantidad", 3, "precio", tier)))).json().get("id").asLong();
        String ofertaForm = admin.get("/ofertas/" + oferta + "/edit").body();
        assertEquals(tierShown, value(ofertaForm, "reglas_precio"));
        Map<String, String> back = tiers(value(ofertaForm, "reglas_precio"));
        back.put("desde", value(ofertaForm, "desde"));
        back.put("hasta", value(ofertaForm, "hasta"));
        assertEquals(303, admin.post("/ofertas/" + oferta, back).statusCode());
        JsonNode regla = api.get("/api/ofertas/" + oferta).json().get("reglas").get(0);
        assertEquals(0, regla.get("precio").decimalValue().compareTo(new java.math.BigDecimal(tier)), regla.toString());
    }

    private static Map<String, String> producto(String sku, String precio) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("nombre", "Producto " + sku);
        m.put("precio", precio);
        m.put("activo", "true");
        return m;
    }

    private static JsonNode producto(Fixtures.TestTenant t, String sku) {
        return Api.as(t.admin()).get("/api/productos?q=" + sku).json().get(0);
    }

    private static Map<String, String> tiers(String precio) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("titulo", "Por cantidad");
        m.put("desde", now.minusDays(1).toString());
        m.put("hasta", now.plusDays(7).toString());
        m.put("activa", "true");
        m.put("tipo", "precio_cantidad");
        m.put("reglas_cantidad", "3");
        m.put("reglas_precio", precio);
        return m;
    }

    /** The first input of that name's value, as the browser would send it back. */
    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*?value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no field " + name);
        return m.group(1);
    }
}
