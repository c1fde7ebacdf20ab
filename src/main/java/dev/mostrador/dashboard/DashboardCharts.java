package dev.mostrador.dashboard;

import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The 30-day charts: one series each (redemptions created, confirmations), a date under every seventh bar. */
final class DashboardCharts {
    private DashboardCharts() {}

    /** {@code series} 0 = created, 1 = confirmed (the columns of {@link DashboardRepository#perDay}). */
    static BarChart of(Map<LocalDate, long[]> perDay, int series, Messages m, Locale locale) {
        String name = series == 0 ? "redemptions" : "confirmations";
        DateTimeFormatter full = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter brief = DateTimeFormatter.ofPattern("d MMM", locale);
        List<LocalDate> days = new ArrayList<>(perDay.keySet());
        List<BarChart.Point> points = new ArrayList<>();
        long total = 0;
        LocalDate busiest = null;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            long n = perDay.get(day)[series];
            total += n;
            if (n > 0 && (busiest == null || n >= perDay.get(busiest)[series])) busiest = day;
            points.add(new BarChart.Point(day.format(full), (days.size() - 1 - i) % 7 == 0 ? day.format(brief) : null, n));
        }
        String summary = busiest == null ? m.t("dashboard.chart." + name + ".none", days.size())
                : m.t("dashboard.chart." + name + ".summary", days.size(), total, perDay.get(busiest)[series], busiest.format(full));
        return BarChart.of(m.t("dashboard.chart." + name + ".title", days.size()), summary, m.t("dashboard.chart.day"),
                m.t("dashboard.chart." + name + ".value"), points);
    }
}
