package dev.mostrador.dashboard;

import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Messages;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The 30-day charts: one series each (redemptions created, confirmations), a date under every seventh bar. */
final class DashboardCharts {
    private DashboardCharts() {}

    /** {@code series} 0 = created, 1 = confirmed (the columns of {@link DashboardRepository#perDay}). */
    static BarChart of(Map<LocalDate, long[]> perDay, int series, Messages m, Locale locale) {
        String name = "dashboard.chart." + (series == 0 ? "redemptions" : "confirmations");
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        perDay.forEach((day, values) -> counts.put(day, values[series]));
        return BarChart.daily(counts, new BarChart.DailyTexts(name + ".title", name + ".none", name + ".summary",
                "dashboard.chart.day", name + ".value"), m, locale);
    }
}
