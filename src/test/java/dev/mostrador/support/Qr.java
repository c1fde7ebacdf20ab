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

/** Reads back the QR codes the app draws as SVG (one path of one-module-high runs), with ZXing's decoder. */
public final class Qr {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final int SCALE = 4;

    private Qr() {}

    /** The modules of the SVG, drawn into pixels (4 per module), decoded: the text the QR holds. */
    public static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) throw new AssertionError("not an SVG with a viewBox: " + svg.substring(0, Math.min(200, svg.length())));
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        BitMatrix modules = new BitMatrix(w, h);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            modules.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
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
