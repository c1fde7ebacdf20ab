package dev.mostrador.inventory.dashboard;

import dev.mostrador.inventory.dashboard.InventoryDashboardRepository.BelowMinimum;
import dev.mostrador.inventory.dashboard.InventoryDashboardRepository.Movements;
import dev.mostrador.inventory.dashboard.InventoryDashboardRepository.Ranked;
import dev.mostrador.inventory.dashboard.InventoryDashboardRepository.Summary;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inventory dashboard's figures. With a million movements, summing 30 days took ~150 ms a
 * query, so the days are split: the closed ones are summed once a day per tenant and kept (the
 * ledger is append-only and a movement is dated by its transaction's now(), so a closed day never
 * changes; the boundary waits 10 minutes after midnight for transactions still open across it),
 * only the current day is summed per snapshot. A snapshot (counters, reservations, the current day)
 * serves {@link #fresh} at most, so a page reloaded by many clients costs one set of queries per tenant
 * and their refresh keeps one client waiting, not all of them.
 */
public final class InventoryDashboard {
    public static final int DAYS = 30;
    static final int TOP = 10;
    static final int BELOW_SHOWN = 20;
    private static final Duration MIDNIGHT_GRACE = Duration.ofMinutes(10);

    public record Snapshot(OffsetDateTime at, Summary summary, List<BelowMinimum> below, List<Ranked> topSold,
                           List<Ranked> topReserved, Map<LocalDate, long[]> perDay) {}

    private record ClosedDays(UUID tenant, LocalDate first, LocalDate cutoff) {}

    private final InventoryDashboardRepository repository;
    private final Duration fresh;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> refreshing = new ConcurrentHashMap<>();
    private final Map<ClosedDays, Movements> closed = new ConcurrentHashMap<>();

    public InventoryDashboard(InventoryDashboardRepository repository, Duration fresh) {
        this.repository = repository;
        this.fresh = fresh;
    }

    public Snapshot snapshot(UUID tenant, ZoneId zone) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Snapshot s = snapshots.get(tenant);
        if (s != null && s.at().plus(fresh).isAfter(now)) return s;
        // One client computes the next snapshot; meanwhile the others get the one before it.
        if (s != null && refreshing.putIfAbsent(tenant, Boolean.TRUE) != null) return s;
        try {
            if (snapshots.size() > 10_000) snapshots.clear();
            Snapshot next = take(tenant, zone, now);
            snapshots.put(tenant, next);
            return next;
        } finally {
            if (s != null) refreshing.remove(tenant);
        }
    }

    private Snapshot take(UUID tenant, ZoneId zone, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        LocalDate first = today.minusDays(DAYS - 1);
        LocalDate cutoff = now.minus(MIDNIGHT_GRACE).atZoneSameInstant(zone).toLocalDate();
        if (cutoff.isBefore(first)) cutoff = first;
        OffsetDateTime cut = cutoff.atStartOfDay(zone).toOffsetDateTime();
        Movements past = closedDays(new ClosedDays(tenant, first, cutoff), zone);
        Movements current = repository.movements(tenant, zone, cut, now.plusDays(1));

        Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, add(past.perDay().get(d), current.perDay().get(d)));
        }
        Map<Long, long[]> perProduct = new LinkedHashMap<>(past.perProduct());
        current.perProduct().forEach((id, v) -> perProduct.merge(id, v, InventoryDashboard::add));
        List<Map.Entry<Long, long[]>> sold = top(perProduct, 0), reserved = top(perProduct, 1);
        Set<Long> ids = new HashSet<>();
        sold.forEach(e -> ids.add(e.getKey()));
        reserved.forEach(e -> ids.add(e.getKey()));
        Map<Long, Ranked> names = repository.names(tenant, ids);
        return new Snapshot(now, repository.summary(tenant, now), repository.belowMinimum(tenant, BELOW_SHOWN),
                ranked(sold, 0, names), ranked(reserved, 1, names), perDay);
    }

    private Movements closedDays(ClosedDays key, ZoneId zone) {
        if (closed.size() > 1_000) closed.clear();
        // Summed once: the tenant's other clients wait for this sum rather than repeat it.
        Movements m = closed.computeIfAbsent(key, k -> k.cutoff().equals(k.first()) ? Movements.empty() : repository.movements(k.tenant(), zone,
                k.first().atStartOfDay(zone).toOffsetDateTime(), k.cutoff().atStartOfDay(zone).toOffsetDateTime()));
        // A tenant keeps only its current closed days: a new day replaces yesterday's.
        closed.keySet().removeIf(k -> k.tenant().equals(key.tenant()) && !k.equals(key));
        return m;
    }

    private static List<Map.Entry<Long, long[]>> top(Map<Long, long[]> perProduct, int column) {
        return perProduct.entrySet().stream().filter(e -> e.getValue()[column] > 0)
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[column]).thenComparing(Map.Entry::getKey))
                .limit(TOP).toList();
    }

    private static List<Ranked> ranked(List<Map.Entry<Long, long[]>> top, int column, Map<Long, Ranked> names) {
        List<Ranked> list = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : top) {
            Ranked n = names.get(e.getKey());
            if (n != null) list.add(new Ranked(n.id(), n.sku(), n.nombre(), e.getValue()[column]));
        }
        return list;
    }

    private static long[] add(long[] a, long[] b) {
        if (a == null) return b == null ? new long[2] : b.clone();
        if (b == null) return a.clone();
        return new long[]{a[0] + b[0], a[1] + b[1]};
    }
}
