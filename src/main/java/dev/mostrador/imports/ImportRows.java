package dev.mostrador.imports;

import java.util.Map;

/** A data line as every kind of import handles it: its cells checked, the row to decide, what it does. */
final class ImportRows {
    private ImportRows() {}

    /** A checked row: the values to write (only non-empty mapped fields), or the first error (field and message key). */
    record Checked(Map<String, String> values, String field, String reason) {
        boolean ok() {
            return reason == null;
        }

        static Checked error(String field, String reason) {
            return new Checked(null, field, reason);
        }
    }

    /** A row that passed its own checks: its line and its values. */
    record Row(int line, Map<String, String> values) {}

    /** new / update / unchanged / error; the row it updates; what it writes (only changes for an update). */
    record Decision(int line, String cls, String field, String reason, Long targetId, Map<String, String> write) {}
}
