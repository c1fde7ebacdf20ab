package dev.mostrador.promotions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.tenants.Tenant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant's active ofertas, cached in this process: the list, the engine's view and the
 * serialized JSON of {@code /api/ofertas/activas}. Every write drops the tenant's entry; an
 * oferta starting or ending re-derives the view from the cached rows without a query; and a
 * 30-second lifetime bounds how stale another instance's writes can look.
 */
public final class ActiveOfertas {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private final OfertaRepository repository;
    private final ObjectMapper mapper;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    public ActiveOfertas(OfertaRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** What is active at one instant: the ofertas, their engine form, and the JSON body. */
    public record View(List<Oferta> ofertas, List<dev.mostrador.promotions.pricing.Oferta> forPricing, byte[] json,
                       OffsetDateTime validUntil) {}

    private record Entry(List<Oferta> vigentes, OffsetDateTime loadedAt, View view) {}

    public View now(Tenant tenant) {
        OffsetDateTime now = OffsetDateTime.now();
        Entry entry = cache.get(tenant.id());
        if (entry == null || entry.loadedAt().plus(LIFETIME).isBefore(now)) {
            List<Oferta> vigentes = repository.vigentes(tenant.id(), now);
            entry = new Entry(vigentes, now, view(vigentes, tenant, now, now.plus(LIFETIME)));
            cache.put(tenant.id(), entry);
        } else if (now.isAfter(entry.view().validUntil())) {
            entry = new Entry(entry.vigentes(), entry.loadedAt(), view(entry.vigentes(), tenant, now, entry.loadedAt().plus(LIFETIME)));
            cache.put(tenant.id(), entry);
        }
        return entry.view();
    }

    public void invalidate(UUID tenantId) {
        cache.remove(tenantId);
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
            return new View(active, active.stream().map(Oferta::toPricing).toList(), json, validUntil);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
