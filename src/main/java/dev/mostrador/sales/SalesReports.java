package dev.mostrador.sales;

import dev.mostrador.sales.SalesReportRepository.OfertaUse;
import dev.mostrador.sales.SalesReportRepository.Period;
import dev.mostrador.sales.SalesReportRepository.Row;
import dev.mostrador.sales.SalesReportRepository.Totals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sales report of a range. A month of a busy shop is ~80,000 orders and ~500,000 lines,
 * summed in several hundred milliseconds: a report is kept for {@link #fresh} (the page says when
 * it was taken) and computed once for all who ask meanwhile, so many clients reloading a month
 * cost one set of queries per tenant and range. The CSV exports read the database each time.
 */
public final class SalesReports {
    public static final int TOP = 50;
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public record Report(OffsetDateTime at, SalesRange range, Totals totals, List<Period> periods, List<Row> products,
                         List<Row> vendedores, List<Row> customers, List<OfertaUse> ofertas) {}

    private record Key(UUID tenant, SalesRange range) {}

    private record Entry(OffsetDateTime at, CompletableFuture<Report> report) {}

    private final SalesReportRepository repository;
    private final Duration fresh;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    public SalesReports(SalesReportRepository repository, Duration fresh) {
        this.repository = repository;
        this.fresh = fresh;
    }

    public SalesReportRepository repository() {
        return repository;
    }

    public Report report(UUID tenant, ZoneId zone, SalesRange range) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (cache.size() > 1_000) cache.clear();
        Entry mine = new Entry(now, new CompletableFuture<>());
        Entry e = cache.compute(new Key(tenant, range), (k, old) -> old != null && old.at().plus(fresh).isAfter(now)
                && !old.report().isCompletedExceptionally() ? old : mine);
        if (e == mine) {
            try {
                e.report().complete(take(tenant, zone, range, now));
            } catch (RuntimeException ex) {
                e.report().completeExceptionally(ex);
                throw ex;
            }
        }
        return e.report().join();
    }

    private Report take(UUID tenant, ZoneId zone, SalesRange range, OffsetDateTime now) {
        OffsetDateTime from = range.from(zone), to = range.to(zone);
        return new Report(now, range, repository.totals(tenant, from, to), everyPeriod(repository.periods(tenant, zone, from, to, range.weekly()), range),
                repository.products(tenant, from, to, TOP), repository.vendedores(tenant, from, to, TOP),
                repository.customers(tenant, from, to, TOP), repository.ofertas(tenant, from, to));
    }

    /** Every day (or week) of the range, those without orders as zeros, so the chart's gaps show. */
    static List<Period> everyPeriod(List<Period> found, SalesRange range) {
        Map<LocalDate, Period> byStart = new HashMap<>();
        found.forEach(p -> byStart.put(p.start(), p));
        List<Period> all = new ArrayList<>();
        LocalDate d = range.weekly() ? range.desde().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)) : range.desde();
        for (; !d.isAfter(range.hasta()); d = d.plusDays(range.weekly() ? 7 : 1)) {
            all.add(byStart.getOrDefault(d, new Period(d, 0, ZERO, 0, ZERO)));
        }
        return all;
    }
}
