package dev.mostrador.rewards.redemptions;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Redemption codes: 10 random characters of Crockford's base32 (no I, L, O, U), 50 bits, shown
 * as two groups ("7KQ2M-X9D4P"). What people type is forgiving: case, spaces, dashes, O for 0 and
 * I or L for 1 all read the same; a pasted landing URL works too.
 */
public final class Codes {
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    public static String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) code[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        return new String(code);
    }

    /** "7KQ2MX9D4P" → "7KQ2M-X9D4P". */
    public static String display(String code) {
        return code.length() == LENGTH ? code.substring(0, 5) + "-" + code.substring(5) : code;
    }

    /** The canonical code in what was typed or pasted, or empty when it cannot be one. */
    public static Optional<String> normalize(String input) {
        if (input == null) return Optional.empty();
        String s = input.trim();
        int slash = s.lastIndexOf("/r/");
        if (slash >= 0) s = s.substring(slash + 3);
        int end = s.indexOf('/');
        if (end >= 0) s = s.substring(0, end);
        int query = s.indexOf('?');
        if (query >= 0) s = s.substring(0, query);
        StringBuilder out = new StringBuilder();
        for (char c : s.toUpperCase().toCharArray()) {
            if (c == '-' || c == ' ') continue;
            if (c == 'O') c = '0';
            if (c == 'I' || c == 'L') c = '1';
            if (ALPHABET.indexOf(c) < 0) return Optional.empty();
            out.append(c);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }
}
