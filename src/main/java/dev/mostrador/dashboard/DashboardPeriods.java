package dev.mostrador.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The dashboard's periods in the tenant's zone: today, this week (Monday to Sunday) and the next
 * seven days (today and six more). Days, not instants, so each link can say them as list filters.
 */
public record DashboardPeriods(ZoneId zone, OffsetDateTime now, LocalDate today) {
    public static final int WINDOW_DAYS = 7;
    public static final int CHART_DAYS = 30;

    public static DashboardPeriods at(ZoneId zone, ZonedDateTime now) {
        return new DashboardPeriods(zone, now.toOffsetDateTime(), now.withZoneSameInstant(zone).toLocalDate());
    }

    public LocalDate monday() {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** The last day of the next seven, today included. */
    public LocalDate windowLast() {
        return today.plusDays(WINDOW_DAYS - 1);
    }

    public LocalDate chartFirst() {
        return today.minusDays(CHART_DAYS - 1);
    }

    OffsetDateTime todayStart() {
        return start(today);
    }

    OffsetDateTime tomorrowStart() {
        return start(today.plusDays(1));
    }

    OffsetDateTime weekStart() {
        return start(monday());
    }

    OffsetDateTime nextWeekStart() {
        return start(monday().plusDays(7));
    }

    OffsetDateTime windowEnd() {
        return start(windowLast().plusDays(1));
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
