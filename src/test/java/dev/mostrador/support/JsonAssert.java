package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading and comparing JSON answers: expected bodies are written with single quotes, to stay readable in Java strings. */
public final class JsonAssert {
    private JsonAssert() {}

    /** The field names of an object, in the order the server wrote them. */
    public static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** JSON written with single quotes, for readable expected bodies. */
    public static JsonNode json(String singleQuoted) {
        try {
            return Api.JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    public static void assertBody(int status, String expectedJson, Api.Response r) {
        assertBody(status, expectedJson, r, "");
    }

    public static void assertBody(int status, String expectedJson, Api.Response r, String message) {
        assertEquals(status, r.status(), message + " " + r.json());
        assertEquals(json(expectedJson), r.json(), message);
    }

    /** One text field of every element of an array. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    /** The "id" of every element of an array. */
    public static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /** A copy without created_at, whose exact time a test cannot know. */
    public static JsonNode withoutTime(JsonNode entry) {
        JsonNode copy = entry.deepCopy();
        ((ObjectNode) copy).remove("created_at");
        return copy;
    }
}
