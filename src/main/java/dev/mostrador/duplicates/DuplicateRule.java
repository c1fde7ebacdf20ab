package dev.mostrador.duplicates;

import java.util.Optional;

/**
 * Why two customers may be one: the same e-mail, phone (phone or second phone) or tax id once
 * normalised by the SQL functions of V035, or names alike (trigram similarity) in the same city.
 */
public enum DuplicateRule {
    EMAIL("email"), PHONE("telefono"), TAX_ID("rut"), NAME("nombre");

    /** In the URL (?regla=) and the JSON. */
    public final String code;

    DuplicateRule(String code) {
        this.code = code;
    }

    public static Optional<DuplicateRule> of(String code) {
        for (DuplicateRule r : values()) if (r.code.equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
