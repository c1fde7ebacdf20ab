package dev.mostrador.platform.tenants;

/**
 * How the shop looks on its public pages: colours as {@code #rrggbb} (null = Mostrador's own) and
 * the logo's version (its upload time in epoch milliseconds; null = no logo).
 */
public record Branding(String primaryColor, String accentColor, Long logoVersion) {
    public static final Branding NONE = new Branding(null, null, null);

    public boolean hasColors() {
        return primaryColor != null || accentColor != null;
    }

    /** Changes with the colours, so a stylesheet URL carrying it can be cached for long. */
    public String colorsVersion() {
        String both = (primaryColor == null ? "-" : primaryColor.substring(1)) + (accentColor == null ? "-" : accentColor.substring(1));
        return both;
    }
}
