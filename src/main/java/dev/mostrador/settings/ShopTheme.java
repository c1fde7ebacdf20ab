package dev.mostrador.settings;

import dev.mostrador.platform.tenants.Branding;

/**
 * The stylesheet of a shop's colours for its public pages. Text on a colour is white or
 * near-black, whichever reads (WCAG AA); links take the primary colour only where it reads on
 * white, else they keep the app's.
 */
public final class ShopTheme {
    private ShopTheme() {}

    public static String css(Branding b) {
        StringBuilder css = new StringBuilder("/* the shop's colours */\n");
        String primary = b.primaryColor();
        if (primary != null) {
            String on = Contrast.textOn(primary);
            css.append(".shop-bar { background: ").append(primary).append("; color: ").append(on)
                    .append("; border-bottom-color: ").append(primary).append("; }\n")
                    .append("main button:not(.rw-confirm), main .btn:not(.btn-secondary) { background: ").append(primary)
                    .append("; border-color: ").append(primary).append("; color: ").append(on).append("; }\n")
                    .append("main button:not(.rw-confirm):hover, main .btn:not(.btn-secondary):hover { background: ")
                    .append(Contrast.darker(primary, 0.15)).append("; }\n");
            if (Contrast.ratio(primary, "#ffffff") >= Contrast.AA) {
                css.append("main a { color: ").append(primary).append("; }\n");
            }
        }
        String accent = b.accentColor();
        if (accent != null) {
            css.append(".promo-badge { background: ").append(accent).append("; color: ").append(Contrast.textOn(accent))
                    .append("; border-color: ").append(Contrast.darker(accent, 0.25)).append("; }\n");
        }
        return css.toString();
    }
}
