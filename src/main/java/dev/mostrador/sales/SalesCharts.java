package dev.mostrador.sales;

import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.sales.SalesReportRepository.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's two charts over its days or weeks: sales in whole units of money, and orders. */
final class SalesCharts {
    /** At most this many dates under the bars, so they never run into each other on a phone. */
    private static final int AXIS_LABELS = 5;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private SalesCharts() {}

    static List<BarChart> of(SalesReports.Report r, Messages m, Format f, Locale locale) {
        return List.of(chart(r, true, m, f, locale), chart(r, false, m, f, locale));
    }

    private static BarChart chart(SalesReports.Report r, boolean money, Messages m, Format f, Locale locale) {
        DateTimeFormatter full = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter brief = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Period> periods = r.periods();
        int every = Math.max(1, (periods.size() + AXIS_LABELS - 1) / AXIS_LABELS);
        // More than four digits do not fit left of the axis on a phone: such a chart counts thousands or millions, and says so.
        BigDecimal max = periods.stream().map(Period::total).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int shift = !money || max.compareTo(TEN_THOUSAND) < 0 ? 0 : max.movePointLeft(3).compareTo(TEN_THOUSAND) < 0 ? 3 : 6;
        String scale = shift == 0 ? "" : shift == 3 ? "_miles" : "_millones";
        List<BarChart.Point> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            String label = r.range().weekly() ? m.t("sales.week_of", p.start().format(full)) : p.start().format(full);
            long value = !money ? p.pedidos() : p.total().movePointLeft(shift).setScale(0, RoundingMode.HALF_UP).longValue();
            points.add(new BarChart.Point(label, (periods.size() - 1 - i) % every == 0 ? p.start().format(brief) : null, value));
        }
        String key = "sales.chart." + (money ? "total" : "pedidos");
        String unit = r.range().weekly() ? "semana" : "dia";
        String summary = m.t("sales.chart.summary." + unit, periods.size(), r.totals().pedidos(), f.money(r.totals().total()));
        return BarChart.of(m.t(key + ".title." + unit) + (shift == 0 ? "" : m.t("sales.chart.en" + scale)), summary, m.t("sales.col." + unit), m.t(key + ".value" + scale), points);
    }
}
