package dev.mostrador.platform.tenants;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants by slug (and the default one by id) for the public endpoints, which otherwise ran one
 * query per request just to turn {@code ?tenant=slug} into a tenant. Only found tenants are kept,
 * so the map holds at most one entry per tenant whatever slugs strangers try. Tenants are never
 * updated today; the lifetime bounds how stale one could look if that changes.
 */
public final class TenantCache {
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final TenantRepository tenants;
    private final Map<String, Entry> bySlug = new ConcurrentHashMap<>();
    private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();

    private record Entry(Tenant tenant, long loadedAtNanos) {
        boolean fresh(long now) {
            return now - loadedAtNanos < LIFETIME.toNanos();
        }
    }

    public TenantCache(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Optional<Tenant> bySlug(String slug) {
        long now = System.nanoTime();
        Entry e = bySlug.get(slug);
        if (e != null && e.fresh(now)) return Optional.of(e.tenant());
        Optional<Tenant> found = tenants.findBySlug(slug);
        found.ifPresentOrElse(t -> bySlug.put(slug, new Entry(t, now)), () -> bySlug.remove(slug));
        return found;
    }

    public Optional<Tenant> byId(UUID id) {
        long now = System.nanoTime();
        Entry e = byId.get(id);
        if (e != null && e.fresh(now)) return Optional.of(e.tenant());
        Optional<Tenant> found = tenants.findById(id);
        found.ifPresentOrElse(t -> byId.put(id, new Entry(t, now)), () -> byId.remove(id));
        return found;
    }
}
