package dev.mostrador.imports;

import java.util.Optional;

/**
 * Tax ids as the tenant's country writes them, checked where they carry a check digit: Chile's
 * RUT (mod 11, "12.345.678-5"), Argentina's CUIT/CUIL, Peru's RUC, Uruguay's RUT. Written for the
 * import; when the customers feature has its own (crm's TaxIds), this is the one to swap for it.
 */
public final class ImportTaxIds {
    private ImportTaxIds() {}

    /** The id as the country writes it, or empty when it is not valid there. */
    public static Optional<String> normalise(String country, String raw) {
        String s = raw.trim().toUpperCase();
        String compact = s.replaceAll("[.\\-\\s/]", "");
        switch (country == null ? "" : country) {
            case "CL" -> {
                if (!compact.matches("\\d{1,8}[0-9K]")) return Optional.empty();
                String body = compact.substring(0, compact.length() - 1);
                char dv = compact.charAt(compact.length() - 1);
                if (rutDigit(body) != dv) return Optional.empty();
                return Optional.of(String.format("%,d", Long.parseLong(body)).replace(',', '.') + "-" + dv);
            }
            case "AR" -> {
                if (!compact.matches("\\d{11}") || !mod11(compact, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2})) return Optional.empty();
                return Optional.of(compact.substring(0, 2) + "-" + compact.substring(2, 10) + "-" + compact.substring(10));
            }
            case "PE" -> {
                return compact.matches("\\d{11}") && mod11(compact, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) ? Optional.of(compact) : Optional.empty();
            }
            case "UY" -> {
                return compact.matches("\\d{12}") && mod11(compact, new int[] {4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) ? Optional.of(compact) : Optional.empty();
            }
            default -> {
                return s.matches("[0-9A-Z.\\-/ ]{3,30}") ? Optional.of(s) : Optional.empty();
            }
        }
    }

    /** What two ways of writing the same id share: its digits and letters (matching key). */
    public static String compact(String taxId) {
        return taxId == null ? "" : taxId.toUpperCase().replaceAll("[^0-9A-Z]", "");
    }

    static char rutDigit(String body) {
        int sum = 0, weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int r = 11 - sum % 11;
        return r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
    }

    /** Mod 11 with these weights over all but the last digit, which is the check digit (11 → 0; 10 is invalid). */
    private static boolean mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
        int r = 11 - sum % 11;
        if (r == 11) r = 0;
        if (r == 10) return false;
        return digits.charAt(digits.length() - 1) - '0' == r;
    }
}
