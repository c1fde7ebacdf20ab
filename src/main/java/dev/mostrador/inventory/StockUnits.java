package dev.mostrador.inventory;

import dev.mostrador.platform.web.Messages;

/**
 * Units of stock as typed in a form or sent in JSON: whole numbers from 1 to 1,000,000 (an
 * adjustment may be negative, never 0). The messages name the field's label.
 */
public final class StockUnits {
    public static final int MAX = 1_000_000;

    /** The units, or the message saying why they cannot be taken. */
    public record Parsed(Integer value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private StockUnits() {}

    /** Text from a form: digits with an optional sign; anything else (a fraction, a word) is refused. */
    public static Parsed parse(String text, boolean signed, int min, Messages m, String label) {
        String t = text == null ? "" : text.trim().replace("\u2212", "-");
        if (t.isEmpty()) return new Parsed(null, m.t("validation.required", label));
        if (!t.matches("[+-]?\\d{1,12}")) return new Parsed(null, m.t("st.units.whole", label));
        long value = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        String error = check(value, signed, min, m, label);
        return error == null ? new Parsed((int) value, null) : new Parsed(null, error);
    }

    /** A number already read (JSON): the range check alone. */
    public static String check(long value, boolean signed, int min, Messages m, String label) {
        if (signed) {
            return value == 0 || Math.abs(value) > MAX ? m.t("st.units.signed_range", label, MAX) : null;
        }
        return value < min || value > MAX ? m.t("st.units.range", label, min, MAX) : null;
    }
}
