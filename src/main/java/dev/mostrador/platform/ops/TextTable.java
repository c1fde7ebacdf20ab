package dev.mostrador.platform.ops;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the console: columns padded to their widest cell, numbers to the right. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] numeric;

    /** {@code headers} ending in "#" are numeric columns (right-aligned); the "#" is not printed. */
    public TextTable(String... headers) {
        numeric = new boolean[headers.length];
        String[] names = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            numeric[i] = headers[i].endsWith("#");
            names[i] = numeric[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
        }
        rows.add(names);
    }

    public TextTable row(Object... cells) {
        String[] row = new String[numeric.length];
        for (int i = 0; i < row.length; i++) row[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
        rows.add(row);
        return this;
    }

    public void print(PrintStream out) {
        int[] width = new int[numeric.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) line.append("  ");
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(numeric[i] ? pad + row[i] : row[i] + (i == row.length - 1 ? "" : pad));
            }
            out.println(line);
        }
    }
}
