package dev.mostrador.platform.migrationcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One statement of a migration file. {@code normalized} is what the rules read: upper case, comments gone,
 * string literals as {@code '?'}, dollar-quoted bodies as {@code $$?$$}, one space between tokens, so that a
 * rule never matches inside a string or a function body. {@code comments} are the comment lines written
 * right before it, where an accept comment lives.
 */
public record SqlStatement(int number, int line, String normalized, List<String> comments) {

    /** A short fingerprint that survives re-indenting and comment edits: what accepted-checks.txt may name. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean startsWith(String prefix) {
        return normalized.equals(prefix) || normalized.startsWith(prefix + " ");
    }
}
