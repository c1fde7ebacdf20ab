package dev.mostrador.rewards;

import dev.mostrador.rewards.merchants.MerchantRoutes;
import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.Messages;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merchant's confirmations chart: round grid lines, bars inside the box, dates every week, a spoken summary. */
class RewardsChartTest {

    @Test
    void gridLinesAreRoundAndCoverTheLargestValue() {
        assertEquals(List.of(0L, 1L), ticks(1));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ticks(4));
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L), ticks(7));
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), ticks(37));
        assertEquals(List.of(0L, 500L, 1000L, 1500L), ticks(1234));
        assertEquals(List.of(0L, 1L), ticks(0), "an empty month still has an axis");
    }

    @Test
    void thirtyDaysOfBarsStayInsideThePlotWithADateEachWeekEndingToday() {
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        LocalDate today = LocalDate.of(2026, 11, 23);
        for (int i = 29; i >= 0; i--) perDay.put(today.minusDays(i), i == 0 ? 12 : i % 5);
        BarChart chart = MerchantRoutes.chart(perDay, Messages.of("es"), Locale.forLanguageTag("es-CL"));

        assertEquals(30, chart.bars().size());
        for (BarChart.Bar b : chart.bars()) {
            assertTrue(b.x() >= BarChart.LEFT && b.x() + b.width() <= BarChart.RIGHT, "inside the plot: " + b);
            assertTrue(b.y() >= BarChart.TOP - 0.1 && b.y() + b.height() <= BarChart.BOTTOM + 0.1, "inside the plot: " + b);
        }
        BarChart.Bar last = chart.bars().get(29);
        assertEquals(12, last.value());
        assertEquals("23 nov.", last.axisLabel().replace('\u00a0', ' '));
        assertFalse(last.valueFits(), "two digits do not fit above a 30-day bar; the grid says it");
        assertTrue(chart.bars().get(28).valueFits());
        assertNull(chart.bars().get(27).axisLabel());
        assertEquals(5, chart.bars().stream().filter(b -> b.axisLabel() != null).count());
        assertTrue(chart.summary().startsWith("Últimos 30 días: 72 confirmaciones en total; el día con más fue el 23"), chart.summary());
        assertEquals(Math.round((BarChart.BOTTOM - BarChart.TOP) * 12 / 15.0 * 10) / 10.0, last.height(), 0.11);
    }

    @Test
    void aQuietMonthSaysSo() {
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        for (int i = 29; i >= 0; i--) perDay.put(LocalDate.of(2026, 1, 30).minusDays(i), 0);
        BarChart chart = MerchantRoutes.chart(perDay, Messages.of("en"), Locale.forLanguageTag("en-US"));
        assertEquals("No confirmations in the last 30 days.", chart.summary());
        assertTrue(chart.bars().stream().allMatch(b -> b.height() == 0));
    }

    private static List<Long> ticks(long max) {
        return BarChart.of("t", "s", "d", "v", List.of(new BarChart.Point("a", null, max))).ticks().stream().map(BarChart.Tick::value).toList();
    }
}
