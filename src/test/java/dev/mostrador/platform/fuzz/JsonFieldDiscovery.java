package dev.mostrador.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.support.Api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.mostrador.platform.fuzz.BadValues.LONG;
import static dev.mostrador.platform.fuzz.KnownParameterNames.everyJsonFieldAs;
import static dev.mostrador.platform.fuzz.WireEncoding.quote;

/** Which JSON fields a route reads, learned from the field names its 422 answers give. */
final class JsonFieldDiscovery {
    private JsonFieldDiscovery() {
    }

    /**
     * The fields a JSON route names in its 422 when every known field has the wrong type: the fields
     * it reads. Several wrong kinds, as a reader may accept one of them (a list where it wants a list).
     */
    static Set<String> fieldsNamedBy(Routes.Route route, FuzzCaller caller, String path) {
        Set<String> named = new LinkedHashSet<>();
        for (String wrong : List.of("[]", "{}", quote(LONG), "-1")) {
            HttpResponse<String> r = caller.send(FuzzRequest.plain("probe", route.method().name(), path, null, everyJsonFieldAs(wrong)));
            if (r != null && r.statusCode() == 422) named.addAll(errorFields(r.body()));
        }
        return named;
    }

    /** The field names of a JSON 422's "fields" object, but "body" (the whole body, not a field). */
    static Set<String> errorFields(String body) {
        Set<String> names = new LinkedHashSet<>();
        try {
            JsonNode fields = Api.JSON.readTree(body).get("fields");
            if (fields != null) fields.fieldNames().forEachRemaining(names::add);
        } catch (IOException | RuntimeException ignored) {
            // no field names to learn
        }
        names.remove("body");
        return names;
    }
}
