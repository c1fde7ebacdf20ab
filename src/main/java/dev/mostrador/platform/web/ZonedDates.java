package dev.mostrador.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates in forms and JSON (seed 000's ofertas, rewards' offers) are local wall-clock times ("2026-01-24T00:00:00"): they are read and written
 * in the tenant's time zone. An explicit offset ("…Z", "…-03:00") is honoured too; a bare date
 * means the start of that day for {@code desde} and its last second for {@code hasta}.
 */
public final class ZonedDates {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ZonedDates() {}

    /** Years a date typed here may have: Java reads year 999999999, PostgreSQL stores up to 294276. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    /** The instant, or null when the text is not a date (or one outside {@link #MIN_YEAR}–{@link #MAX_YEAR}). */
    public static OffsetDateTime parse(String text, ZoneId zone, boolean endOfDay) {
        OffsetDateTime parsed = parseAnyYear(text, zone, endOfDay);
        return parsed == null || parsed.getYear() < MIN_YEAR || parsed.getYear() > MAX_YEAR ? null : parsed;
    }

    private static OffsetDateTime parseAnyYear(String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank() || text.length() > 40) return null;
        String s = text.trim();
        try {
            if (s.length() == 10) {
                LocalDate date = LocalDate.parse(s);
                return (endOfDay ? date.atTime(LocalTime.of(23, 59, 59)) : date.atStartOfDay()).atZone(zone).toOffsetDateTime();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")) return OffsetDateTime.parse(s);
            return LocalDateTime.parse(s).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "2026-01-24T00:00:00" in the tenant's zone, as the seed's API answers. */
    public static String format(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).format(OUT);
    }

    /** The value of an {@code <input type="datetime-local">}. */
    public static String formInput(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(INPUT);
    }
}
