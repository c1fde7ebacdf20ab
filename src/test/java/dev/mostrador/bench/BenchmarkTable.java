package dev.mostrador.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints {@link LoadRunner.Result}s as a Markdown table (pastes into the README as is). */
public final class BenchmarkTable {
    private static final String[] HEADER = {"endpoint", "requests", "throughput (req/s)", "p50 (ms)", "p95 (ms)",
            "p99 (ms)", "max (ms)", "target p99", "result"};

    private BenchmarkTable() {}

    public static String render(List<LoadRunner.Result> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (LoadRunner.Result r : results) {
            rows.add(new String[] {
                    r.scenario().name(),
                    String.valueOf(r.requests()),
                    String.format(Locale.ROOT, "%.0f", r.throughput()),
                    millis(r.percentileMillis(50)),
                    millis(r.percentileMillis(95)),
                    millis(r.percentileMillis(99)),
                    millis(r.maxMillis()),
                    "< " + String.format(Locale.ROOT, "%.0f", r.scenario().targetP99Millis()) + " ms",
                    r.passed() ? "PASS" : "FAIL" + (r.errors() + r.warmupErrors() > 0 ? " (" + (r.errors() + r.warmupErrors()) + " errors)" : "")});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths, r == 0));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) rule[i] = "-".repeat(widths[i] - 1) + (numeric(i) ? ":" : "-");
                out.append(line(rule, widths, true));
            }
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] widths, boolean leftAll) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            // Text left, numbers right.
            boolean left = !numeric(i) || leftAll;
            String cell = left ? String.format("%-" + widths[i] + "s", cells[i]) : String.format("%" + widths[i] + "s", cells[i]);
            s.append(' ').append(cell).append(" |");
        }
        return s.append('\n').toString();
    }

    private static boolean numeric(int column) {
        return column >= 1 && column <= 6;
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
