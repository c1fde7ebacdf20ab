package dev.mostrador.promotions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.promotions.pricing.OfertasActivas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

/**
 * The tenant's active ofertas, cached in this process: the list, the engine's view and the
 * serialized JSON of {@code /api/ofertas/activas}. Every write drops the tenant's entry; an
 * oferta starting or ending re-derives the view from the cached rows without a query; and a
 * 30-second lifetime bounds how stale another instance's writes can look. One request per tenant
 * rebuilds a view at a time; when only the lifetime ran out, the others keep serving the old one.
 */
public final class ActiveOfertaCache {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private final OfertaRepository repository;
    private final ObjectMapper mapper;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ActiveOfertaCache(OfertaRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /**
     * What is active at one instant: the ofertas, their engine form, and the JSON body, also
     * gzipped once here, so that browsers (which always accept gzip) do not make every request
     * compress 200 KB again.
     */
    public record View(List<Oferta> ofertas, OfertasActivas forPricing, ByteBuffer json,
                       ByteBuffer jsonGzip, OffsetDateTime validUntil) {}

    private record Entry(List<Oferta> vigentes, OffsetDateTime loadedAt, View view) {}

    public View now(Tenant tenant) {
        OffsetDateTime now = OffsetDateTime.now();
        Entry entry = cache.get(tenant.id());
        if (entry != null && !expired(entry, now) && !changed(entry, now)) return entry.view();
        ReentrantLock lock = lockFor(tenant.id());
        if (entry != null && !changed(entry, now)) {
            // Only past its lifetime: as far as this instance knows the view is still right, so
            // while one request reloads it the others keep using it, instead of every request
            // in flight running the same query at once (16 clients: 1.5 s stalls every 30 s).
            if (!lock.tryLock()) return entry.view();
        } else {
            // Nothing cached, dropped by a write, or an oferta started or ended: wait for the new view.
            lock.lock();
        }
        try {
            return refresh(tenant);
        } finally {
            lock.unlock();
        }
    }

    /** Drops the tenant's view; under its lock, so a reload that read the rows before the write cannot put them back. */
    public void invalidate(UUID tenantId) {
        ReentrantLock lock = lockFor(tenantId);
        lock.lock();
        try {
            cache.remove(tenantId);
        } finally {
            lock.unlock();
        }
    }

    /** Under the tenant's lock. */
    private View refresh(Tenant tenant) {
        OffsetDateTime now = OffsetDateTime.now();
        Entry entry = cache.get(tenant.id());
        if (entry != null && !expired(entry, now) && !changed(entry, now)) return entry.view(); // done while we waited
        if (entry == null || expired(entry, now)) {
            List<Oferta> vigentes = repository.vigentes(tenant.id(), now);
            entry = new Entry(vigentes, now, view(vigentes, tenant, now, now.plus(LIFETIME)));
        } else {
            entry = new Entry(entry.vigentes(), entry.loadedAt(), view(entry.vigentes(), tenant, now, entry.loadedAt().plus(LIFETIME)));
        }
        cache.put(tenant.id(), entry);
        return entry.view();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Outside the heap, so that writing it to a socket needs no copy; read-only, as it is shared. */
    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    private static boolean expired(Entry entry, OffsetDateTime now) {
        return entry.loadedAt().plus(LIFETIME).isBefore(now);
    }

    private static boolean changed(Entry entry, OffsetDateTime now) {
        return now.isAfter(entry.view().validUntil());
    }

    private ReentrantLock lockFor(UUID tenantId) {
        return locks.computeIfAbsent(tenantId, id -> new ReentrantLock());
    }

    private View view(List<Oferta> vigentes, Tenant tenant, OffsetDateTime now, OffsetDateTime expires) {
        List<Oferta> active = vigentes.stream().filter(o -> o.activaAhora(now))
                .sorted(Comparator.comparing(Oferta::desde).reversed().thenComparing(Oferta::id, Comparator.reverseOrder()))
                .toList();
        // The view changes when a scheduled oferta starts or an active one ends, whichever is first.
        OffsetDateTime validUntil = expires;
        for (Oferta o : vigentes) {
            OffsetDateTime change = o.desde().isAfter(now) ? o.desde() : o.hasta();
            if (change.isBefore(validUntil)) validUntil = change;
        }
        try {
            byte[] json = mapper.writeValueAsBytes(OfertaJson.of(active, tenant.zone()));
            return new View(active, OfertasActivas.of(active.stream().map(Oferta::toPricing).toList()),
                    direct(json), direct(gzip(json)), validUntil);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
