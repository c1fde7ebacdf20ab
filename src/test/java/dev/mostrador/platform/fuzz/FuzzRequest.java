package dev.mostrador.platform.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One request: method, path with its query, and a body — form fields (the caller's CSRF token
 * added unless the field itself is fuzzed) or JSON text. A failure names it by param and value.
 */
record FuzzRequest(String param, String value, String method, String path, List<Map.Entry<String, String>> form,
                   String json, boolean fuzzesCsrf) {

    /** A request with no bad value in it (a crawl, a probe, a baseline): purpose names it. */
    static FuzzRequest plain(String purpose, String method, String path, List<Map.Entry<String, String>> form, String json) {
        return new FuzzRequest(purpose, "", method, path, form, json, false);
    }
}
