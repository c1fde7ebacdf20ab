package dev.mostrador.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** "Hoy", "7 días", "Este mes": from/to days of a date filter, counted in the tenant's zone. */
public final class DatePresets {
    /** A preset's message key and its inclusive range of days. */
    public record Preset(String key, LocalDate from, LocalDate to) {}

    private DatePresets() {}

    public static List<Preset> of(ZoneId zone) {
        return of(LocalDate.now(Clock.system(zone)));
    }

    static List<Preset> of(LocalDate today) {
        return List.of(new Preset("list.preset.today", today, today),
                new Preset("list.preset.week", today.minusDays(6), today),
                new Preset("list.preset.month", today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth())));
    }
}
