package dev.mostrador.platform.web;

import java.util.ArrayList;
import java.util.List;

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
