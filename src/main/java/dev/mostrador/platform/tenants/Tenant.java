package dev.mostrador.platform.tenants;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** A shop or distributor: every row of its data carries its id. */
public record Tenant(UUID id, String slug, String name, ZoneId zone, String currency, String locale) {
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** The UI language: "es" or "en". */
    public String language() {
        return locale.substring(0, 2);
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }
}
