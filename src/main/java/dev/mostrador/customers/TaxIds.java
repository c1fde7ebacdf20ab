package dev.mostrador.customers;

import java.util.Locale;
import java.util.Optional;

/**
 * Tax ids checked by the tenant's country (the region of its locale, "es-CL" → CL): one stored form
 * (digits and check digit, no dots or dashes, an upper-case K), shown the country's way. A typo in
 * a RUT or CUIT is caught by its check digit here, before it becomes a duplicate customer.
 */
public final class TaxIds {
    private TaxIds() {}

    /** The stored form of {@code typed} in {@code country}, or empty when it is not a valid id there. */
    public static Optional<String> normalize(String country, String typed) {
        if (typed == null) return Optional.empty();
        String s = typed.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
        boolean ok = switch (country == null ? "" : country.toUpperCase(Locale.ROOT)) {
            case "CL" -> s.matches("\\d{7,8}[0-9K]") && chileCheck(s.substring(0, s.length() - 1)) == s.charAt(s.length() - 1);
            case "AR" -> s.matches("\\d{11}") && weighted(s, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2}, false) == digit(s, 10);
            case "UY" -> s.matches("\\d{12}") && weighted(s, new int[] {4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}, false) == digit(s, 11);
            case "PE" -> s.matches("\\d{11}") && weighted(s, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2}, true) == digit(s, 10);
            case "CO" -> s.matches("\\d{6,15}") && colombiaCheck(s.substring(0, s.length() - 1)) == digit(s, s.length() - 1);
            default -> s.matches("[A-Z0-9]{3,30}");
        };
        return ok ? Optional.of(s) : Optional.empty();
    }

    /** The stored form as people write it in {@code country}: 12.345.678-5, 20-12345678-6, 900.123.456-8. */
    public static String format(String country, String stored) {
        if (stored == null || stored.isEmpty()) return "";
        // Written by something else already formatted (an import before it used this class): shown as it is.
        if (!stored.matches("[0-9A-Z]+")) return stored;
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        int n = stored.length();
        return switch (c) {
            case "CL", "CO" -> n < 2 ? stored : thousands(stored.substring(0, n - 1)) + "-" + stored.charAt(n - 1);
            case "AR" -> n == 11 ? stored.substring(0, 2) + "-" + stored.substring(2, 10) + "-" + stored.substring(10) : stored;
            // Uruguay's DGI and Peru's SUNAT print the RUT and RUC as the plain digits.
            default -> stored;
        };
    }

    /** The country of a tenant's locale ("es-CL" → "CL"), "" when it names none. */
    public static String country(String locale) {
        return locale == null ? "" : Locale.forLanguageTag(locale).getCountry();
    }

    static char chileCheck(String body) {
        int sum = 0;
        int w = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * w;
            w = w == 7 ? 2 : w + 1;
        }
        int r = 11 - sum % 11;
        return r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
    }

    /**
     * Mod 11 over the leading digits with {@code weights}: 11 gives 0; 10 is no valid id (AR, UY),
     * or 0 in Peru, whose SUNAT takes the result's last digit ({@code lastDigit}).
     */
    private static int weighted(String s, int[] weights, boolean lastDigit) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (s.charAt(i) - '0') * weights[i];
        int r = 11 - sum % 11;
        if (lastDigit) return r % 10;
        return r == 11 ? 0 : r == 10 ? -1 : r;
    }

    /** DIAN's check digit of a NIT: weights 3, 7, 13… from the right, mod 11. */
    static int colombiaCheck(String body) {
        int[] w = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
        int sum = 0;
        for (int i = 0; i < body.length(); i++) sum += (body.charAt(body.length() - 1 - i) - '0') * w[i];
        int r = sum % 11;
        return r < 2 ? r : 11 - r;
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static String thousands(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append('.');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
