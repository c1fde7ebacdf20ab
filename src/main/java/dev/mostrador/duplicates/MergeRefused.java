package dev.mostrador.duplicates;

import java.util.Map;

/** A merge that cannot be done as asked: its status, an error code and the field at fault. */
final class MergeRefused extends RuntimeException {
    final int status;
    final String error;
    final Map<String, String> fields;

    MergeRefused(int status, String error, String field, String message) {
        super(error + ": " + message);
        this.status = status;
        this.error = error;
        this.fields = field == null ? Map.of() : Map.of(field, message);
    }

    static MergeRefused notFound(String field, long id) {
        return new MergeRefused(404, "not_found", field, "no customer " + id);
    }
}
