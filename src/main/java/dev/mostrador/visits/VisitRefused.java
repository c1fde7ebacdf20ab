package dev.mostrador.visits;

import java.util.Map;

/** A plan or a record refused: 404 (a customer, user or visit this user cannot see) or 422 naming each field. */
final class VisitRefused extends RuntimeException {
    final int status;
    final Map<String, String> fields;

    VisitRefused(int status, Map<String, String> fields) {
        super(status + " " + fields, null, false, false);
        this.status = status;
        this.fields = fields;
    }

    static VisitRefused notFound(String field, String message) {
        return new VisitRefused(404, Map.of(field, message));
    }

    static VisitRefused invalid(Map<String, String> fields) {
        return new VisitRefused(422, fields);
    }
}
