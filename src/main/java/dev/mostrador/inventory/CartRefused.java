package dev.mostrador.inventory;

import java.util.Map;

/**
 * A cart request refused before anything changed: its HTTP status (404 unknown product or customer,
 * 409 cart already checked out, 422 bad value), a machine code and the fields it names.
 */
public final class CartRefused extends RuntimeException {
    public final int status;
    public final String error;
    public final Map<String, String> fields;

    public CartRefused(int status, String error, Map<String, String> fields) {
        super(error + " " + fields, null, false, false);
        this.status = status;
        this.error = error;
        this.fields = Map.copyOf(fields);
    }

    static CartRefused invalid(String field, String message) {
        return new CartRefused(422, "validation_failed", Map.of(field, message));
    }

    static CartRefused notFound(String field, String message) {
        return new CartRefused(404, "not_found", Map.of(field, message));
    }
}
