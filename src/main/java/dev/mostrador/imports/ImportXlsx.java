package dev.mostrador.imports;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The first sheet of an .xlsx, row by row as a stream (fastexcel-reader: the sheet's XML is read
 * as it goes, never held whole), each cell as the user sees it in Excel: text as typed, numbers
 * without the ".0" or 0.30000000000000004 a double would print, dates as yyyy-mm-dd, booleans as
 * TRUE/FALSE, and a formula's last computed value (the file keeps it), never the formula itself.
 * Row numbers are the sheet's own (rows Excel left out of the file come as empty lines), so an
 * error's "line 12" is row 12 in Excel.
 */
final class ImportXlsx {
    /** Excel's own last row; a sheet claiming more is not one Excel wrote. */
    static final int MAX_ROWS = 1_048_576;
    /** All parts of the file unzipped: a 20 MB upload that inflates past this is a zip bomb, not a customer list. */
    static final long MAX_UNZIPPED = 512L * 1024 * 1024;

    private ImportXlsx() {}

    /** A zip ("PK\3\4"): what an .xlsx is. */
    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** An OLE2 compound file: an old .xls, or an .xlsx saved with a password (Excel wraps those in OLE2). */
    static boolean isOldExcel(byte[] bytes) {
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (bytes.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((bytes[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    /** Refuses a damaged zip, and a zip bomb (by what it inflates to, not what its headers claim), before any of it is parsed. */
    static void check(byte[] bytes) throws ImportTable.Unreadable {
        check(bytes, MAX_UNZIPPED);
    }

    static void check(byte[] bytes, long maxUnzipped) throws ImportTable.Unreadable {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (entry.getSize() > maxUnzipped) throw new ImportTable.Unreadable("import.bad.xlsx_large");
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxUnzipped) throw new ImportTable.Unreadable("import.bad.xlsx_large");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportTable.Unreadable("import.bad.xlsx");
        }
    }

    /** Every row of the first sheet in order, gaps filled with empty lines. */
    static void each(byte[] bytes, Consumer<ImportTable.Line> action) throws ImportTable.Unreadable {
        ReadableWorkbook workbook = open(bytes);
        try (workbook; Stream<Row> rows = rows(workbook)) {
            Iterator<Row> it = rows.iterator();
            int last = 0;
            for (Row row; (row = next(it)) != null; ) {
                int number = row.getRowNum();
                if (number <= last || number > MAX_ROWS) throw new ImportTable.Unreadable("import.bad.xlsx");
                while (++last < number) action.accept(new ImportTable.Line(last, List.of()));
                action.accept(new ImportTable.Line(number, cells(row)));
            }
        } catch (IOException e) {
            throw new ImportTable.Unreadable("import.bad.xlsx");
        }
    }

    // What the reader throws on a damaged file is the file's fault (its parsers throw a variety of
    // runtime exceptions); what the caller's action throws passes through untouched.
    private static ReadableWorkbook open(byte[] bytes) throws ImportTable.Unreadable {
        try {
            return new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException e) {
            throw new ImportTable.Unreadable("import.bad.xlsx");
        }
    }

    private static Stream<Row> rows(ReadableWorkbook workbook) throws ImportTable.Unreadable {
        try {
            Sheet first = workbook.getSheets().findFirst().orElse(null);
            if (first == null) throw new ImportTable.Unreadable("import.bad.xlsx");
            return first.openStream();
        } catch (IOException | RuntimeException e) {
            throw new ImportTable.Unreadable("import.bad.xlsx");
        }
    }

    /** The next row, or null at the end. */
    private static Row next(Iterator<Row> rows) throws ImportTable.Unreadable {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            throw new ImportTable.Unreadable("import.bad.xlsx");
        }
    }

    /** The row's cells up to its last one with something in it. */
    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        int end = 0;
        for (int i = 0; i < row.getCellCount(); i++) {
            String text = ImportXlsxCells.text(row.getCell(i));
            if (text.length() > ImportTable.MAX_CELL) text = text.substring(0, ImportTable.MAX_CELL + 1); // still too long: the row's check says so
            out.add(text);
            if (!text.isEmpty()) end = i + 1;
        }
        return end == out.size() ? out : new ArrayList<>(out.subList(0, end));
    }
}
