package dev.mostrador.support;

import java.util.HashMap;
import java.util.Map;

/** Valid bodies of the admin's HTML forms, for tests that post them. */
public final class FormData {
    private FormData() {}

    /** An active producto. */
    public static Map<String, String> producto(String sku, String nombre, String precio) {
        Map<String, String> m = new HashMap<>();
        m.put("sku", sku);
        m.put("nombre", nombre);
        m.put("precio", precio);
        m.put("activo", "true");
        return m;
    }

    /** The shop's settings, every field valid. */
    public static Map<String, String> shopSettings() {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Almacén Don Pepe");
        form.put("time_zone", "America/Montevideo");
        form.put("currency", "CLP");
        form.put("locale", "es-UY");
        form.put("primary_color", "#0B6E4F");
        form.put("accent_color", "#ffd166");
        return form;
    }
}
