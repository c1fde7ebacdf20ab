package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Productos and ofertas made over the JSON API (/api/productos, /api/ofertas), and their bodies. */
public final class OfertasData {
    public static final String DESDE = LocalDate.now().minusDays(2) + "T00:00:00";
    public static final String HASTA = LocalDate.now().plusDays(7) + "T23:59:59";

    private OfertasData() {}

    /** Seed 000's 3x2 oferta, in force from two days ago to next week. */
    public static Map<String, Object> tresPorDos() {
        Map<String, Object> body = new HashMap<>();
        body.put("titulo", "3x2 Especial");
        body.put("desde", DESDE);
        body.put("hasta", HASTA);
        body.put("tipo", "nxm");
        body.put("compra_cantidad", 3);
        body.put("paga_cantidad", 2);
        return body;
    }

    /** An oferta of another type in the same window, with these field/value pairs. */
    public static Map<String, Object> with(String tipo, Object... pairs) {
        Map<String, Object> body = tresPorDos();
        body.put("tipo", tipo);
        body.remove("compra_cantidad");
        body.remove("paga_cantidad");
        for (int i = 0; i < pairs.length; i += 2) body.put((String) pairs[i], pairs[i + 1]);
        return body;
    }

    /** An oferta with every window field given. */
    public static Map<String, Object> oferta(String titulo, String tipo, String desde, String hasta, boolean activa, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("titulo", titulo);
        body.put("tipo", tipo);
        body.put("desde", desde);
        body.put("hasta", hasta);
        body.put("activa", activa);
        body.putAll(fields);
        return body;
    }

    /** A producto named after its SKU; its id. */
    public static long producto(Api admin, String sku, String precio) {
        Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "nombre", "Producto " + sku, "precio", precio));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json().get("id").asLong();
    }

    /** A producto with its own name and an exact price; its id. */
    public static long producto(Api admin, String sku, String nombre, String precio) {
        Api.Response r = admin.post("/api/productos", Map.of("sku", sku, "nombre", nombre, "precio", new BigDecimal(precio)));
        assertEquals(201, r.status(), String.valueOf(r.json()));
        return r.json().get("id").asLong();
    }

    /** POSTs and expects 200 with a JSON body. */
    public static JsonNode postOk(Api api, String path, Object body) {
        Api.Response r = api.post(path, body);
        assertEquals(200, r.status(), String.valueOf(r.json()));
        assertNotNull(r.json());
        return r.json();
    }

    public static List<String> titlesIn(JsonNode ofertas) {
        List<String> titles = new ArrayList<>();
        ofertas.forEach(o -> titles.add(o.get("titulo").asText()));
        return titles;
    }
}
