package dev.mostrador.support;

import java.util.Base64;

/** PNG images for the logo tests and the screenshots of the pages that show a logo. */
public final class Images {
    private Images() {}

    /** A real 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** A 240×80 PNG in two colours, for screenshots of the pages that show it. */
    public static byte[] widePng() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0xffd166));
        g.fillRect(0, 0, 240, 80);
        g.setColor(new java.awt.Color(0x0b6e4f));
        g.fillOval(10, 10, 60, 60);
        g.fillRect(90, 25, 130, 30);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
