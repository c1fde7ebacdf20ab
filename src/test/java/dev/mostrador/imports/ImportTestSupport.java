package dev.mostrador.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Drives an import over HTTP as a signed-in user: upload, map, dry run, commit, waiting on the status JSON. */
public final class ImportTestSupport {
    private static final Pattern LOCATION = Pattern.compile("/importaciones/(\\d+)$");

    private ImportTestSupport() {}

    static long upload(Browser b, String name, byte[] bytes) {
        return upload(b, name, bytes, "customers");
    }

    /** An upload of this kind ("customers", "products"), as the form's select sends it. */
    static long upload(Browser b, String name, byte[] bytes, String kind) {
        HttpResponse<String> r = b.postFile("/importaciones", "file", name, "text/csv", bytes, Map.of("kind", kind));
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = LOCATION.matcher(r.headers().firstValue("Location").orElse(""));
        if (!m.find()) fail("no import in " + r.headers());
        return Long.parseLong(m.group(1));
    }

    /** The mapping as the page suggests it (selected options), with this key and mode; waits for the dry run. */
    static JsonNode dryRun(Browser b, long id, String key, String mode) {
        String page = b.get("/importaciones/" + id).body();
        Map<String, String> form = new LinkedHashMap<>(suggested(page));
        form.put("header", "1");
        form.put("key", key);
        form.put("mode", mode);
        HttpResponse<String> r = b.post("/importaciones/" + id + "/validar", form);
        assertEquals(303, r.statusCode(), r.body());
        return waitFor(b, id, "validated");
    }

    /** The mapping the import page suggests: column select id → the field selected. */
    public static Map<String, String> suggested(String page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher sel = Pattern.compile("<select id=\"(col\\d+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
        while (sel.find()) {
            Matcher opt = Pattern.compile("<option value=\"([a-z_]*)\" selected").matcher(sel.group(2));
            if (opt.find()) out.put(sel.group(1), opt.group(1));
        }
        return out;
    }

    static JsonNode commit(Browser b, long id) {
        HttpResponse<String> r = b.post("/importaciones/" + id + "/confirmar", Map.of());
        assertEquals(303, r.statusCode(), r.body());
        return waitFor(b, id, "done");
    }

    static JsonNode status(Browser b, long id) {
        try {
            return Api.JSON.readTree(b.get("/importaciones/" + id + "/estado").body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode waitFor(Browser b, long id, String state) {
        long until = System.currentTimeMillis() + 60_000;
        JsonNode s = status(b, id);
        while (!s.get("state").asText().equals(state)) {
            if (System.currentTimeMillis() > until || s.get("state").asText().equals("failed")) fail("import " + id + " is " + s);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            s = status(b, id);
        }
        return s;
    }
}
