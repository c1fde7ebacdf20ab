package dev.mostrador.imports;

import org.dhatim.fastexcel.reader.Cell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One XLSX cell as the user sees it in Excel. Excel keeps numbers as doubles and shows at most 15
 * significant digits, so 0.1+0.2 is "0.3" and 12990 is "12990", never "12990.0"; a number styled
 * as a date is that date (ISO, as the import reads dates); a code styled "00000" keeps its zeros.
 */
final class ImportXlsxCells {
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What a number format shows: a date (with the time of day?), or a code padded with zeros to a width (0: none). */
    private record Shown(boolean date, boolean time, int zeros) {
        static Shown of(Integer id, String format) {
            String f = format == null ? "" : format;
            return new Shown(isDate(id, format), bare(f).contains("h"), f.matches("0{2,20}") ? f.length() : 0);
        }
    }

    /** Formats by id and text: a sheet has a handful, its cells ask a hundred thousand times. Bounded, since the file names them. */
    private static final Map<String, Shown> FORMATS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
            return size() > 500;
        }
    });

    private ImportXlsxCells() {}

    static String text(Cell cell) {
        if (cell == null) return "";
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case BOOLEAN -> bool(value);
            case NUMBER -> value instanceof BigDecimal n ? number(cell, n) : "";
            case STRING -> value == null ? "" : value.toString();
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue(); // "#N/A", as Excel shows it
            // The value Excel computed and saved; the formula itself never becomes a cell's text.
            case FORMULA -> value instanceof BigDecimal n ? number(cell, n) : value instanceof Boolean ? bool(value)
                    : value == null ? "" : value.toString();
        };
    }

    private static String bool(Object value) {
        return Boolean.TRUE.equals(value) ? "TRUE" : value == null ? "" : "FALSE";
    }

    private static String number(Cell cell, BigDecimal n) {
        Integer id = cell.getDataFormatId();
        String format = cell.getDataFormatString();
        Shown shown = FORMATS.computeIfAbsent(id + "|" + format, k -> Shown.of(id, format));
        if (shown.date()) {
            try {
                return date(cell.asDate(), shown.time(), n);
            } catch (RuntimeException e) {
                // not a date Excel could show either (a negative serial): the number as it is
            }
        }
        BigDecimal value = n.round(EXCEL_DIGITS).stripTrailingZeros();
        if (value.signum() == 0) return "0";
        String plain = value.toPlainString();
        if (shown.zeros() > plain.length() && value.scale() <= 0 && value.signum() > 0) return "0".repeat(shown.zeros() - plain.length()) + plain;
        return plain;
    }

    private static String date(LocalDateTime at, boolean time, BigDecimal serial) {
        if (!time) return at.format(DATE);
        if (serial.compareTo(BigDecimal.ONE) < 0) return at.format(TIME); // a time of day alone
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.format(DATE) : at.format(DATE_TIME);
    }

    /** Excel's built-in date and time formats (ids 14-22, 45-47) or a custom one with day, month, year or hour parts. */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && ((formatId >= 14 && formatId <= 22) || (formatId >= 45 && formatId <= 47))) return true;
        if (format == null || format.isBlank()) return false;
        return bare(format).matches(".*[ydmhs].*");
    }

    /** The format's letters that mean something: quoted text, [colours and locales] and \escaped characters out, lower case. */
    private static String bare(String format) {
        return format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "").toLowerCase()
                .replace("general", "");
    }
}
