package dev.mostrador.imports;

import java.util.List;

/**
 * XLSX files (a zip: "PK\3\4"). Reading them needs poi-ooxml, not yet in the build: until it is, an
 * XLSX gets a page that says to save it as CSV, instead of being read as garbage text.
 */
final class ImportXlsx {
    private ImportXlsx() {}

    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static List<List<String>> firstSheet(byte[] bytes) throws ImportTable.Unreadable {
        throw new ImportTable.Unreadable("import.bad.xlsx");
    }
}
