package dev.mostrador.promotions;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.mostrador.support.OfertasData.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the four types answers 422 naming its field, in the API and in the form. */
class OfertaValidationTest {
    private static Fixtures.TestTenant tenant;
    private static Api admin;
    private static long activeProduct;
    private static long inactiveProduct;

    @BeforeAll
    static void setUp() {
        tenant = Fixtures.tenant();
        admin = new Api().withToken(Fixtures.apiToken(tenant.admin()));
        activeProduct = OfertasData.producto(admin, "OK-1", "100");
        inactiveProduct = admin.post("/api/productos", Map.of("sku", "OFF-1", "nombre", "Apagado", "precio", 5, "activo", false)).json().get("id").asLong();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("titulo missing", with("porcentaje", "descuento_porcentaje", 10, "titulo", ""), "titulo"),
                Arguments.of("titulo not text", with("porcentaje", "descuento_porcentaje", 10, "titulo", 5), "titulo"),
                Arguments.of("desde missing", with("porcentaje", "descuento_porcentaje", 10, "desde", null), "desde"),
                Arguments.of("hasta not a date", with("porcentaje", "descuento_porcentaje", 10, "hasta", "mañana"), "hasta"),
                Arguments.of("desde after hasta", with("porcentaje", "descuento_porcentaje", 10, "desde", "2026-12-31T00:00:00", "hasta", "2026-01-01T00:00:00"), "hasta"),
                Arguments.of("desde equals hasta", with("porcentaje", "descuento_porcentaje", 10, "desde", "2026-12-31T00:00:00", "hasta", "2026-12-31T00:00:00"), "hasta"),
                Arguments.of("unknown tipo", with("descuento", "descuento_porcentaje", 10), "tipo"),
                Arguments.of("porcentaje missing", with("porcentaje"), "descuento_porcentaje"),
                Arguments.of("porcentaje zero", with("porcentaje", "descuento_porcentaje", 0), "descuento_porcentaje"),
                Arguments.of("porcentaje negative", with("porcentaje", "descuento_porcentaje", -5), "descuento_porcentaje"),
                Arguments.of("porcentaje above 100", with("porcentaje", "descuento_porcentaje", 100.01), "descuento_porcentaje"),
                Arguments.of("porcentaje not a number", with("porcentaje", "descuento_porcentaje", "diez"), "descuento_porcentaje"),
                Arguments.of("reglas missing", with("precio_cantidad"), "reglas"),
                Arguments.of("reglas empty", with("precio_cantidad", "reglas", List.of()), "reglas"),
                Arguments.of("reglas not a list", with("precio_cantidad", "reglas", "1:100"), "reglas"),
                Arguments.of("regla cantidad 0", with("precio_cantidad", "reglas", List.of(Map.of("cantidad", 0, "precio", 10))), "reglas"),
                Arguments.of("regla cantidad repeated", with("precio_cantidad", "reglas", List.of(Map.of("cantidad", 2, "precio", 10), Map.of("cantidad", 2, "precio", 9))), "reglas"),
                Arguments.of("regla precio negative", with("precio_cantidad", "reglas", List.of(Map.of("cantidad", 1, "precio", -1))), "reglas"),
                Arguments.of("regla precio missing", with("precio_cantidad", "reglas", List.of(Map.of("cantidad", 1))), "reglas"),
                Arguments.of("nxm N below 2", with("nxm", "compra_cantidad", 1, "paga_cantidad", 1), "compra_cantidad"),
                Arguments.of("nxm M zero", with("nxm", "compra_cantidad", 3, "paga_cantidad", 0), "paga_cantidad"),
                Arguments.of("nxm M equals N", with("nxm", "compra_cantidad", 3, "paga_cantidad", 3), "paga_cantidad"),
                Arguments.of("nxm N not whole", with("nxm", "compra_cantidad", 2.5, "paga_cantidad", 1), "compra_cantidad"),
                Arguments.of("regalo without product", with("regalo"), "regalo_producto_id"),
                Arguments.of("regalo unknown product", with("regalo", "regalo_producto_id", 987654321), "regalo_producto_id"),
                Arguments.of("regalo cantidad 0", with("regalo", "regalo_producto_id", 1, "regalo_cantidad", 0), "regalo_cantidad"),
                Arguments.of("productos not ids", with("porcentaje", "descuento_porcentaje", 10, "productos", List.of("abc")), "productos"),
                Arguments.of("productos unknown", with("porcentaje", "descuento_porcentaje", 10, "productos", List.of(987654321)), "productos"),
                Arguments.of("productos not a list", with("porcentaje", "descuento_porcentaje", 10, "productos", 5), "productos"),
                Arguments.of("activa not boolean", with("porcentaje", "descuento_porcentaje", 10, "activa", "si"), "activa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void apiAnswers422NamingTheField(String rule, Map<String, Object> body, String field) {
        // A user of its own per case: thirty cases would exhaust one user's 30 writes per minute.
        Api admin = new Api().withToken(Fixtures.apiToken(Fixtures.user(tenant, dev.mostrador.platform.auth.Role.ADMIN)));
        Api.Response r = admin.post("/api/ofertas", body);
        assertEquals(422, r.status(), rule + ": " + r.json());
        assertTrue(r.json().get("fields").has(field), rule + " should name " + field + ": " + r.json());
    }

    @Test
    void anInactiveGiftIsRefused() {
        Api.Response r = admin.post("/api/ofertas", with("regalo", "regalo_producto_id", inactiveProduct));
        assertEquals(422, r.status());
        assertTrue(r.json().get("fields").get("regalo_producto_id").asText().contains("not active"));
        assertEquals(200, admin.post("/api/ofertas", with("regalo", "regalo_producto_id", activeProduct)).status());
    }

    @Test
    void notJsonIs422() {
        assertEquals(422, admin.post("/api/ofertas", "[1,2]").status());
        assertEquals(422, admin.post("/api/ofertas", "{").status());
    }

    @Test
    void theFormShowsEachMessageBesideItsFieldAndKeepsTheValues() {
        Browser b = new Browser().signedIn(tenant.admin());
        Map<String, String> form = new HashMap<>();
        form.put("titulo", "Tramos de verano");
        form.put("desde", "2026-12-01T00:00");
        form.put("hasta", "2026-11-01T00:00");
        form.put("tipo", "precio_cantidad");
        form.put("reglas_cantidad", "0");
        form.put("reglas_precio", "10");
        form.put("activa", "true");
        var r = b.post("/ofertas", form);
        assertEquals(422, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("id=\"hasta-error\""), "message beside hasta");
        assertTrue(html.contains("id=\"reglas-error\""), "message beside the rules table");
        assertTrue(html.contains("href=\"#hasta\"") && html.contains("href=\"#reglas\""), "summary links to the fields");
        assertTrue(html.contains("value=\"Tramos de verano\""), "values kept");
        form.put("hasta", "2027-01-01T00:00");
        form.put("reglas_cantidad", "1");
        form.put("productos_skus", "OK-1, NOPE-9");
        var unknownSku = b.post("/ofertas", form);
        assertEquals(422, unknownSku.statusCode());
        assertTrue(unknownSku.body().contains("NOPE-9"));
        form.put("productos_skus", "ok-1");
        assertEquals(303, b.post("/ofertas", form).statusCode(), "SKUs match case-insensitively");
    }
}
