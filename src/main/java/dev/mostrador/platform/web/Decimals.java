package dev.mostrador.platform.web;

import java.math.BigDecimal;

/** Amounts typed by people: "1234.5", "1234,50", "1.234,50", "$ 1.234" all read the same. */
public final class Decimals {
    private Decimals() {}

    /** The amount, or null when the text is not a number. */
    public static BigDecimal parse(String text) {
        if (text == null) return null;
        String s = text.replace("$", "").replace(" ", "").replace("\u00a0", "").trim();
        if (s.isEmpty()) return null;
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", ""); // 1.234.567 is thousands
        } else if (dot >= 0 && s.length() - dot - 1 == 3 && !s.startsWith("0")) {
            s = s.replace(".", ""); // es-CL "1.234" is one thousand two hundred thirty-four
        }
        if (s.length() > 60) return null;
        try {
            BigDecimal value = new BigDecimal(s);
            return JsonInput.outOfRange(value) == null ? value : null; // "1e309" is not an amount anyone types
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
