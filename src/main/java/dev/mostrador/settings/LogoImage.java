package dev.mostrador.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * A logo's type told by its first bytes, never by its name or the browser's word: PNG, JPEG or
 * WebP. SVG is refused on purpose, as it can carry script that would run on our origin.
 */
public final class LogoImage {
    public static final int MAX_BYTES = 200 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private LogoImage() {}

    /** "image/png", "image/jpeg" or "image/webp"; empty for anything else. */
    public static Optional<String> contentType(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) return Optional.of("image/png");
        if (startsWith(bytes, 0, JPEG)) return Optional.of("image/jpeg");
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return Optional.of("image/webp");
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] magic) {
        return bytes.length >= at + magic.length && Arrays.equals(bytes, at, at + magic.length, magic, 0, magic.length);
    }
}
