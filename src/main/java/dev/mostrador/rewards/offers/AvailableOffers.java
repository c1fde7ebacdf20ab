package dev.mostrador.rewards.offers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The answers of {@code GET /api/v1/rewards/offers} (the JSON bytes of a tenant's page of
 * available offers), kept for {@link #LIFETIME}: every point of sale and app screen asks for the
 * same first page again and again. Whatever changes an offer's availability through this instance
 * (a save, a redemption, a cancel, the expiry job) calls {@link #changed}; changes made elsewhere
 * (another instance, SQL) show within {@link #LIFETIME}.
 */
public final class AvailableOffers {
    static final Duration LIFETIME = Duration.ofSeconds(5);
    private static final int MAX_PAGES = 10_000;

    private record Page(UUID tenantId, int limit, int offset) {}

    private final Cache<Page, byte[]> pages = Caffeine.newBuilder().expireAfterWrite(LIFETIME).maximumSize(MAX_PAGES).build();
    /** Bumped by every change: a page loaded while one happened is answered but not kept. */
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();

    public byte[] json(UUID tenantId, int limit, int offset, Supplier<byte[]> load) {
        Page key = new Page(tenantId, limit, offset);
        byte[] kept = pages.getIfPresent(key);
        if (kept != null) return kept;
        AtomicLong version = versions.computeIfAbsent(tenantId, t -> new AtomicLong());
        long before = version.get();
        byte[] json = load.get();
        if (version.get() == before) pages.put(key, json);
        return json;
    }

    public void changed(UUID tenantId) {
        versions.computeIfAbsent(tenantId, t -> new AtomicLong()).incrementAndGet();
        pages.asMap().keySet().removeIf(p -> p.tenantId().equals(tenantId));
    }

    /** After a change that may touch any tenant (the expiry job). */
    public void changedAll() {
        versions.values().forEach(AtomicLong::incrementAndGet);
        pages.invalidateAll();
    }
}
