package dev.mostrador.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart drawn on the server as inline SVG by components/barChart.jte: no JavaScript, and
 * readable without hovering — a y axis with labelled grid lines, each value above its bar when it
 * fits, and the same numbers in a table. Geometry is in SVG user units of a {@link #WIDTH}×{@link #HEIGHT} box.
 */
public record BarChart(String title, String summary, String labelHeader, String valueHeader, List<Bar> bars, List<Tick> ticks) {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 240;
    public static final int LEFT = 56;
    public static final int RIGHT = 556;
    public static final int TOP = 26;
    public static final int BOTTOM = 206;
    public static final int FONT = 14;
    /** Room left of the box for the axis' labels: a phone draws them larger, and "4.000" then reached past x = 0 and was cut. */
    public static final int LABEL_ROOM = 32;

    /** What the caller gives: the label of the table, the one under the bar (null: none), the value. */
    public record Point(String label, String axisLabel, long value) {}

    /** The plot ends short of the box's right edge, so a date centred under the last bar is never cut off. */
    public record Bar(String label, String axisLabel, long value, double x, double y, double width, double height, boolean valueFits) {
        public double center() {
            return round(x + width / 2);
        }
    }

    public record Tick(long value, double y) {}

    public static BarChart of(String title, String summary, String labelHeader, String valueHeader, List<Point> points) {
        long max = points.stream().mapToLong(Point::value).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        double slot = (RIGHT - LEFT) / (double) Math.max(1, points.size());
        double width = slot * 0.7;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double height = (BOTTOM - TOP) * (double) p.value() / top;
            // With a little air on both sides, so neighbouring values never read as one number.
            boolean fits = String.valueOf(p.value()).length() * FONT * 0.6 + 4 <= slot;
            bars.add(new Bar(p.label(), p.axisLabel(), p.value(), round(LEFT + i * slot + (slot - width) / 2), round(BOTTOM - height),
                    round(width), round(height), fits));
        }
        List<Tick> ticks = new ArrayList<>();
        for (long v = 0; v <= top; v += step) ticks.add(new Tick(v, round(BOTTOM - (BOTTOM - TOP) * (double) v / top)));
        return new BarChart(title, summary, labelHeader, valueHeader, bars, ticks);
    }

    /**
     * The bundle keys of a chart of one count per day: title(days), none(days), summary(days,
     * total, the busiest day's count, the busiest day) and the table's two headers.
     */
    public record DailyTexts(String title, String none, String summary, String dayHeader, String valueHeader) {}

    /** One bar per day of {@code perDay} (in order), a date under the last bar and every seventh one before it. */
    public static BarChart daily(Map<LocalDate, Long> perDay, DailyTexts texts, Messages m, Locale locale) {
        DateTimeFormatter full = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter brief = DateTimeFormatter.ofPattern("d MMM", locale);
        List<LocalDate> days = new ArrayList<>(perDay.keySet());
        List<Point> points = new ArrayList<>();
        long total = 0;
        LocalDate busiest = null;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            long n = perDay.get(day);
            total += n;
            if (n > 0 && (busiest == null || n >= perDay.get(busiest))) busiest = day;
            points.add(new Point(day.format(full), (days.size() - 1 - i) % 7 == 0 ? day.format(brief) : null, n));
        }
        String summary = busiest == null ? m.t(texts.none(), days.size())
                : m.t(texts.summary(), days.size(), total, perDay.get(busiest), busiest.format(full));
        return of(m.t(texts.title(), days.size()), summary, m.t(texts.dayHeader()), m.t(texts.valueHeader()), points);
    }

    /** A round grid step (1, 2 or 5 times a power of ten) giving at most about four lines above zero. */
    static long step(long max) {
        if (max <= 4) return 1;
        double rough = max / 4.0;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, (long) Math.ceil(nice * power));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
