package dev.mostrador.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What headless Chromium's camera films: a Y4M video file (--use-file-for-fake-video-capture),
 * which Chromium opens again on every getUserMedia, so a test can put a QR in front of the camera
 * just before the page asks for it.
 */
public final class FakeCamera {
    public static final Path FILE = Path.of("target", "fake-camera.y4m").toAbsolutePath();
    private static final int W = 640;
    private static final int H = 480;

    private FakeCamera() {}

    /** A grey picture with nothing to read. */
    public static void blank() {
        write(null);
    }

    /** A QR of this text on white, 320 px wide, in the middle of the picture. */
    public static void showQr(String text) {
        try {
            write(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 320, 320, Map.of(EncodeHintType.MARGIN, 4)));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void write(BitMatrix qr) {
        byte[] y = new byte[W * H];
        Arrays.fill(y, (byte) (qr == null ? 128 : 255));
        if (qr != null) {
            int left = (W - qr.getWidth()) / 2;
            int top = (H - qr.getHeight()) / 2;
            for (int row = 0; row < qr.getHeight(); row++) {
                for (int col = 0; col < qr.getWidth(); col++) {
                    if (qr.get(col, row)) y[(top + row) * W + left + col] = 0;
                }
            }
        }
        byte[] chroma = new byte[W / 2 * H / 2];
        Arrays.fill(chroma, (byte) 128);
        try {
            Files.createDirectories(FILE.getParent());
            var out = new java.io.ByteArrayOutputStream();
            out.write(("YUV4MPEG2 W" + W + " H" + H + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 2; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(chroma);
                out.write(chroma);
            }
            Path tmp = FILE.resolveSibling(FILE.getFileName() + ".tmp");
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
