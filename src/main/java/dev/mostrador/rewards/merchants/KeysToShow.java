package dev.mostrador.rewards.merchants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mostrador.platform.auth.Tokens;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant's new API key between the POST that made it and the one page that shows it
 * (post/redirect/get): held in this process's memory only, for the admin's browser session that
 * made it, for {@link #LIFETIME}, and given out once. Never written to disk, so never in a backup;
 * behind a load balancer without sticky sessions the redirect may land on another instance,
 * which then says the key was shown already (rotating gives a new one).
 */
final class KeysToShow {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private final Cache<String, Pending> pending = Caffeine.newBuilder().expireAfterWrite(LIFETIME).maximumSize(10_000).build();

    record Pending(String key, boolean created) {}

    void hold(String sessionToken, UUID merchantId, String key, boolean created) {
        pending.put(slot(sessionToken, merchantId), new Pending(key, created));
    }

    /** The key, the first time this session asks for it; empty after that. */
    Optional<Pending> take(String sessionToken, UUID merchantId) {
        return Optional.ofNullable(pending.asMap().remove(slot(sessionToken, merchantId)));
    }

    private static String slot(String sessionToken, UUID merchantId) {
        return HexFormat.of().formatHex(Tokens.sha256(String.valueOf(sessionToken))) + ":" + merchantId;
    }
}
