package dev.mostrador.rewards.merchants;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Merchant API keys: "mk_" + a public 12-hex prefix + "_" + a 256-bit secret. Only the prefix and a
 * bcrypt hash (cost 12) are stored, so checking a key costs one bcrypt (found by prefix), never one
 * per merchant. A verified key is remembered by its SHA-256, together with the hash it matched, so
 * a point of sale hitting the API does not pay 250 ms of bcrypt on every request. It is forgotten
 * after 5 minutes without use, not 5 minutes after it was verified: a busy shop's key would
 * otherwise cost a bcrypt stall every 5 minutes. A rotated key is refused as soon as the merchant
 * row is read again ({@link MerchantAccess}), because its remembered hash no longer matches the
 * stored one; rotation or deactivation through this instance also forgets it at once.
 */
public final class MerchantKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY_SHAPE = Pattern.compile("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private final Cache<String, Remembered> verified = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5)).maximumSize(10_000).build();

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
        if (key == null || !KEY_SHAPE.matcher(key).matches()) return Optional.empty();
        return Optional.of(key.substring(3, 15));
    }

    /** Whether this key matched its hash in the last minutes (checking it again costs no bcrypt). */
    public boolean remembered(String key) {
        return verified.getIfPresent(HexFormat.of().formatHex(Tokens.sha256(key))) != null;
    }

    /** Whether the key matches the stored hash (remembering a success for a few minutes). */
    public boolean matches(String key, String prefix, String storedHash) {
        String digest = HexFormat.of().formatHex(Tokens.sha256(key));
        Remembered r = verified.getIfPresent(digest);
        if (r != null && r.hash().equals(storedHash)) return true;
        boolean ok = checkers.verify(key, storedHash);
        if (ok) verified.put(digest, new Remembered(prefix == null ? "" : prefix, storedHash));
        return ok;
    }

    /**
     * At most half the cores spend their time on bcrypt (~250 ms each) at once: a burst of wrong
     * keys must not take every core from the other requests. A check that cannot get a turn
     * within {@link #WAIT_FOR_TURN} is refused as busy.
     */
    public static final class BcryptTurns {
        private final Semaphore turns;

        public BcryptTurns(int concurrent) {
            this.turns = new Semaphore(Math.max(1, concurrent), true);
        }

        public boolean verify(String key, String storedHash) {
            boolean acquired;
            try {
                acquired = turns.tryAcquire(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            }
            if (!acquired) throw new Busy();
            try {
                return BCrypt.verifyer().verify(key.toCharArray(), storedHash).verified;
            } finally {
                turns.release();
            }
        }
    }

    /** Every bcrypt turn stayed taken while this check waited: the caller answers 503. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("merchant key checks are all busy", null, false, false);
        }
    }

    public static final Duration WAIT_FOR_TURN = Duration.ofSeconds(2);
    private final BcryptTurns checkers = new BcryptTurns(Runtime.getRuntime().availableProcessors() / 2);

    /** Forget remembered keys of a merchant (after rotation or deactivation). */
    public void forget(String prefix) {
        verified.asMap().values().removeIf(r -> r.prefix().equals(prefix));
    }
}
