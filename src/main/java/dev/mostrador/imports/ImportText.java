package dev.mostrador.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an uploaded CSV as text. A BOM says the encoding (UTF-8, UTF-16 LE/BE); otherwise
 * strict UTF-8 (any invalid sequence refuses it), else Windows-1252, what Spanish Excel writes
 * ("Peña" as 0xF1). Windows-1252 decodes any byte, so a binary file is caught apart: NUL bytes or
 * many control characters mean it is not text at all, and it is refused with a clear message
 * instead of a table of garbage (one of base_import's complaints: a mis-guessed encoding imports
 * "PeÃ±a" without a word).
 */
public record ImportText(String text, String encoding) {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The file is not text (a picture, a zip, an .xls saved as .csv). */
    public static final class NotText extends Exception {
        NotText() {
            super("not text", null, false, false);
        }
    }

    public static ImportText decode(byte[] bytes) throws NotText {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return checked(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        if (startsWith(bytes, 0xFF, 0xFE)) return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)");
        if (startsWith(bytes, 0xFE, 0xFF)) return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)");
        if (looksBinary(bytes)) throw new NotText();
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return checked(utf8, "UTF-8");
        } catch (CharacterCodingException e) {
            return checked(new String(bytes, WINDOWS_1252), "Windows-1252");
        }
    }

    private static ImportText checked(String text, String encoding) throws NotText {
        if (text.indexOf('\0') >= 0) throw new NotText();
        return new ImportText(text, encoding);
    }

    /** NUL bytes, or more than 1% control characters other than tab and line ends, in the first 64 KB. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') control++;
        }
        return n > 0 && control * 100 > n;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
