package dev.mostrador.platform.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mostrador.platform.fuzz.WireEncoding.quote;
import static dev.mostrador.platform.fuzz.WireEncoding.write;

/**
 * The valid request a bad value is put into, as a person or client would send it. Form routes: the
 * form's fields (null when no page shows one). JSON routes: the fields the route names when every
 * known field has the wrong type, and the fields of its valid body. The lists are corrected in
 * place by {@link BaselineDiscovery}.
 */
record RouteBaseline(SeededData samples, List<FormControl> fields, Set<String> named, Set<String> jsonFields) {

    /** A form route's baseline; form null: no page shows one. */
    static RouteBaseline ofForm(SeededData samples, PageForm form) {
        return new RouteBaseline(samples, form == null ? null : new ArrayList<>(form.fields()), Set.of(), Set.of());
    }

    /** A JSON route's baseline: the body starts with the fields it names. */
    static RouteBaseline ofJson(SeededData samples, Set<String> named) {
        return new RouteBaseline(samples, null, named, new LinkedHashSet<>(named));
    }

    /** The form as shown with every blank (but unchecked boxes) filled: what the crawl sends once. */
    static RouteBaseline blanksFilled(SeededData samples, PageForm form) {
        return new RouteBaseline(samples, form.fields().stream().map(f -> f.kind().equals("off") ? f
                : new FormControl(f.name(), f.value(), "fill", f.id())).toList(), Set.of(), Set.of());
    }

    /** The form as sent unchanged: required blanks filled with fresh valid values, unchecked boxes left out, no CSRF token. */
    List<Map.Entry<String, String>> form() {
        if (fields == null) return List.of();
        return fields.stream().filter(f -> !f.name().equals("_csrf") && !f.kind().equals("off"))
                .map(f -> Map.entry(f.name(), f.kind().equals("fill") && f.value().isEmpty() ? samples.sampleText(f.name()) : f.value()))
                .toList();
    }

    /** The valid JSON body (fresh values where they must be unique), one field (when given) replaced by a bad JSON text. */
    String json(String fuzzed, String bad) {
        List<String> parts = new ArrayList<>();
        for (String f : jsonFields) {
            if (f.equals(fuzzed)) continue;
            Object v = samples.sample(f);
            if (v != null) parts.add(quote(f) + ":" + write(v));
        }
        if (fuzzed != null) parts.add(quote(fuzzed) + ":" + bad);
        return "{" + String.join(",", parts) + "}";
    }
}
