package dev.mostrador.rewards;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Merchant API keys: "mk_" + a public 12-hex prefix + "_" + a 256-bit secret. Only the prefix and a
 * bcrypt hash (cost 12) are stored, so checking a key costs one bcrypt (found by prefix), never one
 * per merchant. A verified key is remembered briefly by its SHA-256 so a point-of-sale hitting the
 * API does not pay 250 ms of bcrypt on every request; rotation or deactivation forgets it.
 */
public final class MerchantKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cache<String, Remembered> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    private record Remembered(String prefix, String hash) {}

    public record NewKey(String key, String prefix, String hash) {}

    public static NewKey generate() {
        byte[] p = new byte[6];
        RANDOM.nextBytes(p);
        String prefix = HexFormat.of().formatHex(p);
        String key = "mk_" + prefix + "_" + Tokens.random();
        return new NewKey(key, prefix, BCrypt.withDefaults().hashToString(Passwords.COST, key.toCharArray()));
    }

    /** The public prefix of something shaped like a key. */
    public static Optional<String> prefixOf(String key) {
        if (key == null || !key.matches("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")) return Optional.empty();
        return Optional.of(key.substring(3, 15));
    }

    /** Whether the key matches the stored hash (remembering a success for a few minutes). */
    public boolean matches(String key, String prefix, String storedHash) {
        String digest = HexFormat.of().formatHex(Tokens.sha256(key));
        Remembered r = verified.getIfPresent(digest);
        if (r != null && r.hash().equals(storedHash)) return true;
        boolean ok = BCrypt.verifyer().verify(key.toCharArray(), storedHash).verified;
        if (ok) verified.put(digest, new Remembered(prefix, storedHash));
        return ok;
    }

    /** Forget remembered keys of a merchant (after rotation or deactivation). */
    public void forget(String prefix) {
        verified.asMap().values().removeIf(r -> r.prefix().equals(prefix));
    }
}
