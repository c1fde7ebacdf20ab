package dev.mostrador.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the QR codes the app draws as SVG (one path of unit squares), with ZXing's decoder. */
public final class Qr {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SQUARE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    private Qr() {}

    /** The modules of the SVG, drawn into pixels (4 per module), decoded: the text the QR holds. */
    public static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) throw new AssertionError("not an SVG with a viewBox: " + svg.substring(0, Math.min(200, svg.length())));
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        BitMatrix modules = new BitMatrix(w, h);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) modules.set(Integer.parseInt(square.group(1)), Integer.parseInt(square.group(2)));
        int[] pixels = new int[w * SCALE * h * SCALE];
        for (int y = 0; y < h * SCALE; y++) {
            for (int x = 0; x < w * SCALE; x++) {
                pixels[y * w * SCALE + x] = modules.get(x / SCALE, y / SCALE) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w * SCALE, h * SCALE, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the SVG is not a readable QR code", e);
        }
    }
}
