package dev.mostrador.platform.fuzz;

import java.util.ArrayList;
import java.util.List;

import static dev.mostrador.platform.fuzz.KnownParameterNames.NESTED_FIELDS;
import static dev.mostrador.platform.fuzz.KnownParameterNames.members;
import static dev.mostrador.platform.fuzz.WireEncoding.quote;

/**
 * A set of bad values by where they go: query and form text, JSON texts for one field (scalars;
 * arrays too for fields that hold arrays), whole JSON bodies. {@link #ALL} for most routes,
 * {@link #SHARP} for slow ones; path segments get {@link #PATH}.
 */
record BadValues(List<String> text, List<String> scalarJson, List<String> arrayJson, List<String> body) {
    static final String LONG = "x".repeat(10_000);
    /** Parses as a Java date-time, lies far beyond PostgreSQL's timestamps. */
    static final String FAR_DATE = "+999999999-12-31T23:59:59";
    /** For path segments, inserted as they are (already percent-encoded). */
    static final List<String> PATH = List.of("%00", "a%00b", "1%00", "%01%1B%7F", "%ED%A0%80", "%FF", "-1", "0",
            "99999999999999999999999", "9223372036854775808", "1e309", "NaN", "not-a-uuid", "00000000-0000-0000-0000-00000000000%00",
            LONG);
    /** For query strings and form fields (percent-encoded as UTF-8; a lone surrogate as its invalid three bytes). */
    private static final List<String> TEXT = List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", "-1e309", "1e-400",
            "99999999999999999999999", "9223372036854775808", "-1", "NaN", FAR_DATE, LONG);
    /** Whole request bodies for JSON routes: not JSON, not an object, a NUL byte. */
    private static final List<String> BODY = List.of("", "{", "[]", "null", "1e309", "\"a\\u0000b\"", "\u0000",
            "{\"a\":\"\\ud800\"}", "{\"a\":1e309}");
    static final BadValues ALL = new BadValues(TEXT, oneFieldJson(), arrays(List.of("1e309", "99999999999999999999999", "-1",
            quote("a\u0000b"), "{}", "null")), BODY);
    /**
     * The sharpest of each, for routes whose every request costs a bcrypt (sign-ins, new users, new
     * merchant keys: a quarter of a second or more each), so that the whole test stays near a minute.
     */
    static final BadValues SHARP = new BadValues(List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", FAR_DATE, LONG),
            List.of("1e309", "99999999999999999999999", "[]", "{}", quote("a\u0000b"), quote("a\uD800b"), quote(FAR_DATE), quote(LONG)),
            arrays(List.of("1e309", quote("a\u0000b"))), List.of("", "{", "\u0000"));

    /** JSON texts for one field; arrays added for a field that holds one. */
    List<String> json(boolean arrays) {
        if (!arrays) return scalarJson;
        List<String> all = new ArrayList<>(scalarJson);
        all.addAll(arrayJson);
        return all;
    }

    /** JSON texts for one field: numbers out of range, wrong types, bad strings. */
    private static List<String> oneFieldJson() {
        List<String> v = new ArrayList<>(List.of("1e309", "-1e309", "1e-400", "99999999999999999999999", "9223372036854775808",
                "-1", "true", "null", "[]", "{}"));
        for (String s : List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", "NaN", FAR_DATE, LONG)) {
            v.add(quote(s));
        }
        return List.copyOf(v);
    }

    /** Arrays of bad values, and of objects whose every field is bad: for fields that hold arrays (lineas, reglas, productos). */
    private static List<String> arrays(List<String> bad) {
        List<String> v = new ArrayList<>();
        for (String s : bad) {
            v.add("[" + s + "]");
            v.add("[{" + members(NESTED_FIELDS, s) + "}]");
        }
        return List.copyOf(v);
    }
}
