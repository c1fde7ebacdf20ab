package dev.mostrador.platform.tenants;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** A shop or distributor: every row of its data carries its id. */
public record Tenant(UUID id, String slug, String name, ZoneId zone, String currency, String locale, Branding branding) {
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** Without a logo or colours of its own. */
    public Tenant(UUID id, String slug, String name, ZoneId zone, String currency, String locale) {
        this(id, slug, name, zone, currency, locale, Branding.NONE);
    }

    public Tenant {
        if (branding == null) branding = Branding.NONE;
    }

    /** The UI language: "es" or "en". */
    public String language() {
        return locale.substring(0, 2);
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }

    /** The public URL of the logo, versioned so browsers may keep it; null without one. */
    public String logoUrl() {
        return branding.logoVersion() == null ? null : "/t/" + slug + "/logo?v=" + branding.logoVersion();
    }

    /** The public stylesheet with the shop's colours, versioned by them; null without colours. */
    public String themeUrl() {
        return branding.hasColors() ? "/t/" + slug + "/theme.css?v=" + branding.colorsVersion() : null;
    }
}
