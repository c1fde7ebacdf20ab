package dev.mostrador.sales;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The report's days, both included, in the tenant's zone, and whether its rows are days or weeks.
 * A date that does not parse falls back to this month; a range longer than {@link #MAX_DAYS} is
 * cut there, so no request sums more than about a year.
 */
public record SalesRange(LocalDate desde, LocalDate hasta, boolean weekly) {
    static final int MAX_DAYS = 400;
    /** Past this many days the default grouping is by week: a bar per day would be too thin on a phone. */
    static final int DAILY_UP_TO = 62;

    public static SalesRange of(Context ctx, LocalDate today) {
        LocalDate desde = date(ctx.queryParam("desde"));
        LocalDate hasta = date(ctx.queryParam("hasta"));
        if (desde == null) desde = hasta != null ? hasta.withDayOfMonth(1) : today.withDayOfMonth(1);
        if (hasta == null || hasta.isBefore(desde)) hasta = desde.equals(today.withDayOfMonth(1)) ? desde.withDayOfMonth(desde.lengthOfMonth())
                : desde.plusMonths(1).minusDays(1);
        if (ChronoUnit.DAYS.between(desde, hasta) >= MAX_DAYS) hasta = desde.plusDays(MAX_DAYS - 1);
        String by = ctx.queryParam("agrupar");
        boolean weekly = "semana".equals(by) || (!"dia".equals(by) && ChronoUnit.DAYS.between(desde, hasta) >= DAILY_UP_TO);
        return new SalesRange(desde, hasta, weekly);
    }

    public OffsetDateTime from(ZoneId zone) {
        return desde.atStartOfDay(zone).toOffsetDateTime();
    }

    public OffsetDateTime to(ZoneId zone) {
        return hasta.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    public String query() {
        return "desde=" + desde + "&hasta=" + hasta + "&agrupar=" + (weekly ? "semana" : "dia");
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() != 10) return null;
        try {
            LocalDate d = LocalDate.parse(text);
            return d.getYear() < 2000 || d.getYear() > 9000 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
