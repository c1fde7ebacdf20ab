package dev.mostrador.orders;

import java.util.Map;

/**
 * An order request refused before anything changed: its HTTP status (404 unknown, 409 conflict with
 * the stock or the order's state, 422 bad input), a machine code, a sentence the user can act on and
 * the fields it names.
 */
public final class OrderRefused extends RuntimeException {
    public final int status;
    public final String error;
    public final Map<String, String> fields;

    public OrderRefused(int status, String error, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.fields = Map.copyOf(fields);
    }

    static OrderRefused invalid(String field, String message) {
        return new OrderRefused(422, "validation_failed", message, Map.of(field, message));
    }

    static OrderRefused notFound(String field, String message) {
        return new OrderRefused(404, "not_found", message, Map.of(field, message));
    }

    static OrderRefused conflict(String error, String message) {
        return new OrderRefused(409, error, message, Map.of());
    }
}
