package dev.mostrador.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The first sheet of an .xlsx read as the user sees it in Excel; damaged, old or inflated files refused with their reason. */
class ImportXlsxTest {

    private static List<ImportTable.Line> lines(byte[] xlsx) throws ImportTable.Unreadable {
        ImportTable table = ImportTable.read("f.xlsx", xlsx);
        assertEquals("XLSX", table.encoding());
        List<ImportTable.Line> all = new ArrayList<>();
        table.each(all::add);
        return all;
    }

    @Test
    void cellsReadAsExcelShowsThem() throws Exception {
        byte[] xlsx = XlsxFixtures.workbook(ws -> {
            ws.value(0, 0, "sku");
            ws.value(0, 1, "precio");
            ws.value(0, 2, "fecha");
            ws.value(0, 3, "activo");
            ws.value(0, 4, "link");
            ws.value(0, 5, "doble");
            ws.value(1, 0, 123);
            ws.style(1, 0).format("00000").set();
            ws.value(1, 1, 12990.0);
            ws.value(1, 2, LocalDate.of(2024, 3, 5));
            ws.style(1, 2).format("dd/mm/yyyy").set();
            ws.value(1, 3, true);
            ws.formula(1, 4, "HYPERLINK(\"http://evil\",\"x\")");
            ws.formula(1, 5, "B2*2");
            ws.value(2, 0, "A-2");
            ws.value(2, 1, 0.1 + 0.2);
            ws.value(2, 2, LocalDateTime.of(2024, 12, 31, 18, 30));
            ws.style(2, 2).format("yyyy-mm-dd hh:mm").set();
            ws.value(2, 3, false);
            ws.formula(2, 4, "NOW()"); // saved by no one: no value, and never the formula
            ws.value(2, 5, 56912345678L);
            ws.value(4, 0, "después del hueco");
        });
        xlsx = XlsxFixtures.withSavedValue(xlsx, "E2", "x", true);
        xlsx = XlsxFixtures.withSavedValue(xlsx, "F2", "25980.000000000004", false);
        List<ImportTable.Line> lines = lines(xlsx);
        assertEquals(5, lines.size(), lines.toString());
        assertEquals(List.of("sku", "precio", "fecha", "activo", "link", "doble"), lines.get(0).cells());
        assertEquals(List.of("00123", "12990", "2024-03-05", "TRUE", "x", "25980"), lines.get(1).cells());
        assertEquals(List.of("A-2", "0.3", "2024-12-31 18:30", "FALSE", "", "56912345678"), lines.get(2).cells());
        assertEquals(4, lines.get(3).number(), "a row Excel left out of the file is an empty line: line numbers are Excel's");
        assertEquals(List.of(), lines.get(3).cells());
        assertEquals(List.of("después del hueco"), lines.get(4).cells());
        for (ImportTable.Line l : lines) for (String c : l.cells()) assertFalse(c.contains("HYPERLINK") || c.contains("NOW"), c);
        assertEquals(2, ImportTable.read("f.xlsx", xlsx).first(2).size(), "the preview stops early");
    }

    @Test
    void aHugeCellIsCutJustPastTheLimitSoItsRowSaysTooLong() throws Exception {
        byte[] xlsx = XlsxFixtures.rows(List.of(List.of("name", "email"), List.of("x".repeat(30_000), "a@x.cl")));
        String cell = lines(xlsx).get(1).cell(0);
        assertEquals(ImportTable.MAX_CELL + 1, cell.length());
        ImportRows.Checked checked = CustomerImportFields.check(java.util.Map.of("name", cell), "CL");
        assertEquals("import.err.too_long", checked.reason());
    }

    @Test
    void damagedOldProtectedAndInflatedFilesAreRefusedWithTheirReason() {
        byte[] good = XlsxFixtures.rows(List.of(List.of("name"), List.of("Ana")));
        assertReason("import.bad.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertReason("import.bad.xlsx", Arrays.copyOf(good, good.length / 2));
        assertReason("import.bad.xlsx", XlsxFixtures.zipOfZeros("notes.txt", 1000)); // a zip, not a workbook
        byte[] brokenSheet = XlsxFixtures.rewrite(good, "xl/worksheets/sheet1.xml", xml -> xml.substring(0, xml.indexOf("<row r=\"2\"") + 12));
        assertReason("import.bad.xlsx", brokenSheet);
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        assertReason("import.bad.xls", ole2); // an .xls, or an .xlsx with a password (Excel wraps it the same way)

        byte[] bomb = XlsxFixtures.zipOfZeros("xl/worksheets/sheet1.xml", 3L * 1024 * 1024);
        ImportTable.Unreadable e = assertThrows(ImportTable.Unreadable.class, () -> ImportXlsx.check(bomb, 2L * 1024 * 1024));
        assertEquals("import.bad.xlsx_large", e.reason());
    }

    private static void assertReason(String reason, byte[] bytes) {
        ImportTable.Unreadable e = assertThrows(ImportTable.Unreadable.class, () -> lines(bytes),
                () -> new String(bytes, 0, Math.min(40, bytes.length), StandardCharsets.ISO_8859_1));
        assertEquals(reason, e.reason());
    }
}
