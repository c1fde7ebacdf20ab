package dev.mostrador.platform.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * bcrypt at cost 12. bcrypt reads only the first 72 bytes of a password, so longer ones are
 * refused instead of being silently truncated.
 */
public final class Passwords {
    public static final int COST = 12;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    // A real hash to compare against when the account does not exist, so timing does not reveal it.
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "not-a-real-password".toCharArray());

    private Passwords() {}

    /** The message key of the rule this password breaks, if any. */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too_short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too_long");
        }
        return Optional.empty();
    }

    public static String hash(String password) {
        if (problem(password).isPresent()) {
            throw new IllegalArgumentException("password breaks the policy: " + problem(password).get());
        }
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCrypt.verifyer().verify("x".toCharArray(), DUMMY_HASH);
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DUMMY_HASH : hash).verified && hash != null;
    }
}
