package dev.mostrador.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by field name, in the order of the form; already in the user's language. */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /**
     * The reading's own message for a field (not a number, too large…) replaces what validation
     * concluded from the missing value ("required"): it says what was actually wrong.
     */
    public FieldErrors set(String field, String message) {
        errors.put(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.get(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(errors);
    }

    public static FieldErrors none() {
        return new FieldErrors();
    }
}
