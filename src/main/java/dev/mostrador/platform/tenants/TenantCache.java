package dev.mostrador.platform.tenants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Tenants by slug (and the default one by id) for the public endpoints, which otherwise ran one
 * query per request just to turn {@code ?tenant=slug} into a tenant. Only found tenants are kept,
 * so the map holds at most one entry per tenant whatever slugs strangers try. A save of the tenant
 * settings drops the tenant here; the lifetime bounds how stale it looks on the other instances.
 */
public final class TenantCache {
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final TenantRepository tenants;
    private final Cache<String, Tenant> bySlug = Caffeine.newBuilder().expireAfterWrite(LIFETIME).build();
    private final Cache<UUID, Tenant> byId = Caffeine.newBuilder().expireAfterWrite(LIFETIME).build();

    public TenantCache(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Optional<Tenant> bySlug(String slug) {
        return cached(bySlug, slug, tenants::findBySlug);
    }

    public Optional<Tenant> byId(UUID id) {
        return cached(byId, id, tenants::findById);
    }

    /** After the tenant's settings changed (the slug never does). */
    public void invalidate(Tenant tenant) {
        bySlug.invalidate(tenant.slug());
        byId.invalidate(tenant.id());
    }

    private static <K> Optional<Tenant> cached(Cache<K, Tenant> cache, K key, Function<K, Optional<Tenant>> load) {
        Tenant kept = cache.getIfPresent(key);
        if (kept != null) return Optional.of(kept);
        Optional<Tenant> found = load.apply(key);
        found.ifPresent(t -> cache.put(key, t));
        return found;
    }
}
