package dev.mostrador.imports;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** XLSX files for the import tests, written with fastexcel as Excel would save them (or damaged on purpose). */
final class XlsxFixtures {
    private XlsxFixtures() {}

    /** A workbook whose first sheet the action fills (rows and columns from 0). */
    static byte[] workbook(Consumer<Worksheet> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Mostrador tests", "1.0")) {
            fill.accept(wb.newWorksheet("Hoja1"));
            wb.newWorksheet("Otra hoja").value(0, 0, "never read: only the first sheet is");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A sheet of text rows (header first). */
    static byte[] rows(List<List<Object>> rows) {
        return workbook(ws -> {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) ws.value(r, c, n);
                    else if (v != null) ws.value(r, c, v.toString());
                }
            }
        });
    }

    /**
     * fastexcel writes a formula without the value Excel would compute and save with it; this adds
     * the saved value to a formula cell, as a file saved by Excel has it ({@code text}: a string result).
     */
    static byte[] withSavedValue(byte[] xlsx, String cell, String value, boolean text) {
        return rewrite(xlsx, "xl/worksheets/sheet1.xml", xml -> {
            int at = xml.indexOf("<c r=\"" + cell + "\"");
            int close = xml.indexOf("</c>", at);
            String c = xml.substring(at, close);
            String patched = (text ? c.replaceFirst("<c r=\"" + cell + "\"", "<c r=\"" + cell + "\" t=\"str\"") : c) + "<v>" + value + "</v>";
            return xml.substring(0, at) + patched + xml.substring(close);
        });
    }

    static byte[] rewrite(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // commons-compress reads it: java.util.zip's stream reader trips on the sizes opczip (fastexcel's zip writer) leaves out
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : java.util.Collections.list(in.getEntries())) {
                byte[] bytes;
                try (var entry = in.getInputStream(e)) {
                    bytes = entry.readAllBytes();
                }
                if (e.getName().equals(part)) bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with one entry of this many zero bytes (a few hundred KB compressed). */
    static byte[] zipOfZeros(String name, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long left = size; left > 0; left -= zeros.length) zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
