package dev.mostrador.platform.tenants;

import java.text.Normalizer;

/** URL names from display names: "Frío Sur Ltda." → "frio-sur-ltda". */
public final class Slugs {
    private Slugs() {}

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() < 2) slug = "tenant-" + slug;
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }
}
