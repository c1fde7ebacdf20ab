package dev.mostrador.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An uploaded file read as lines of cells: CSV (encoding and separator detected) or XLSX (its
 * first sheet). Lines are numbered from 1 as a spreadsheet numbers them, so an error says "line
 * 1.204" and the user finds it; the header line is the user's pick.
 */
public final class ImportTable {
    /** Longest cell kept; a longer one is an error of its row (a 10 MB cell is not a name). */
    public static final int MAX_CELL = 5_000;

    public record Line(int number, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The file cannot be read as a table at all (the page says which and why). */
    public static final class Unreadable extends Exception {
        private final String reason;

        public Unreadable(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** A message key: import.bad.empty, .binary, .csv, .xlsx, .xlsx_large (a zip bomb), .xls (old Excel or a password). */
        public String reason() {
            return reason;
        }
    }

    private final String encoding;
    private final char separator;
    private final String text;
    /** An XLSX's bytes, read again (as a stream of rows) by each pass. */
    private final byte[] xlsx;

    private ImportTable(String encoding, char separator, String text, byte[] xlsx) {
        this.encoding = encoding;
        this.separator = separator;
        this.text = text;
        this.xlsx = xlsx;
    }

    public static ImportTable read(String fileName, byte[] bytes) throws Unreadable {
        if (bytes.length == 0) throw new Unreadable("import.bad.empty");
        if (ImportXlsx.isXlsx(bytes)) {
            ImportXlsx.check(bytes);
            return new ImportTable("XLSX", ',', null, bytes);
        }
        if (ImportXlsx.isOldExcel(bytes)) throw new Unreadable("import.bad.xls");
        ImportText decoded;
        try {
            decoded = ImportText.decode(bytes);
        } catch (ImportText.NotText e) {
            throw new Unreadable("import.bad.binary");
        }
        if (decoded.text().isBlank()) throw new Unreadable("import.bad.empty");
        return new ImportTable(decoded.encoding(), detectSeparator(decoded.text()), decoded.text(), null);
    }

    public String encoding() {
        return encoding;
    }

    /** "," ";" or "\t" (an XLSX has none: ","). */
    public String separator() {
        return String.valueOf(separator);
    }

    /** The separator that splits the first lines most evenly into the most columns (quotes respected by counting outside them). */
    static char detectSeparator(String text) {
        char best = ',';
        int bestScore = -1;
        for (char c : new char[] {',', ';', '\t'}) {
            int[] counts = new int[Math.min(20, 1 + (int) text.lines().limit(20).count())];
            int line = 0;
            boolean quoted = false;
            for (int i = 0; i < text.length() && line < counts.length; i++) {
                char ch = text.charAt(i);
                if (ch == '"') quoted = !quoted;
                else if (!quoted && ch == '\n') line++;
                else if (!quoted && ch == c && line < counts.length) counts[line]++;
            }
            int lines = Math.max(1, line), min = Integer.MAX_VALUE;
            for (int i = 0; i < lines && i < counts.length; i++) min = Math.min(min, counts[i]);
            int score = min == Integer.MAX_VALUE ? 0 : min * 1000 + counts[0];
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** The first lines (the preview where the user picks the header). */
    public List<Line> first(int n) throws Unreadable {
        List<Line> lines = new ArrayList<>();
        try {
            each(line -> {
                if (lines.size() >= n) throw new Stop();
                lines.add(line);
            });
        } catch (Stop stop) {
            // enough lines
        }
        return lines;
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Every line in order; cells longer than {@link #MAX_CELL} are kept cut, the row's check says so. */
    public void each(Consumer<Line> action) throws Unreadable {
        if (xlsx != null) {
            ImportXlsx.each(xlsx, action);
            return;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrailingData(true).setLenientEof(true).get(); // a stray quote mid-cell is text, as Excel reads it
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) cells.add(cell);
                action.accept(new Line(number, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("import.bad.csv");
        }
    }
}
