package dev.mostrador.settings;

/** WCAG 2 contrast of sRGB colours written {@code #rrggbb}. */
public final class Contrast {
    /** Normal text, level AA. */
    public static final double AA = 4.5;

    private Contrast() {}

    public static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** White text when it reads well enough on the colour, else black (which then always does: one of the two reaches 4.58:1 at least). */
    public static String textOn(String background) {
        return ratio(background, "#ffffff") >= AA ? "#ffffff" : "#000000";
    }

    /** The colour darkened by a fraction, for hover states. */
    public static String darker(String color, double fraction) {
        StringBuilder out = new StringBuilder("#");
        for (int i = 1; i < 7; i += 2) {
            int c = Integer.parseInt(color.substring(i, i + 2), 16);
            out.append(String.format("%02x", (int) Math.round(c * (1 - fraction))));
        }
        return out.toString();
    }

    static double luminance(String color) {
        double r = channel(color, 1), g = channel(color, 3), b = channel(color, 5);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(String color, int at) {
        double c = Integer.parseInt(color.substring(at, at + 2), 16) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
