package dev.mostrador.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts typed by people: "1234.5", "1234,50", "1.234,50", "$ 1.234" all read the same. */
public final class Decimals {
    private static final Locale SPANISH = Locale.forLanguageTag("es-CL");

    private Decimals() {}

    /** The amount read as a Spanish-speaking shop writes it, or null when the text is not a number. */
    public static BigDecimal parse(String text) {
        return parse(text, SPANISH);
    }

    /**
     * The amount, or null when the text is not a number. When both "." and "," appear the last one
     * is the decimal separator; a lone one is the locale's decimal separator, unless it is the
     * locale's grouping separator followed by exactly three digits ("12.990" in es-CL, "12,990" in en).
     */
    public static BigDecimal parse(String text, Locale locale) {
        if (text == null) return null;
        String s = text.replace("$", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").trim();
        if (s.isEmpty()) return null;
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0 || dot >= 0) {
            char sep = comma >= 0 ? ',' : '.';
            int at = Math.max(comma, dot);
            boolean grouping = s.indexOf(sep) != at // 1.234.567 is thousands
                    || (sep != decimal && s.length() - at - 1 == 3 && !s.startsWith("0"));
            s = grouping ? s.replace(String.valueOf(sep), "") : s.replace(sep, '.');
        }
        return number(s);
    }

    /** A plain decimal as JSON writes one ("1990.50", "-3", "12e3"), or null. */
    public static BigDecimal parsePlain(String text) {
        if (text == null || text.isBlank() || text.length() > 60) return null;
        return number(text.trim());
    }

    /** The number, or null when it is not one or out of range ("1e309" is not an amount anyone types). */
    private static BigDecimal number(String s) {
        if (s.length() > 60) return null;
        try {
            BigDecimal value = new BigDecimal(s);
            return JsonInput.outOfRange(value) == null ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The decimals an amount really has: "1990.50" has 1, "1990.00" has 0. */
    public static int decimalsOf(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }
}
