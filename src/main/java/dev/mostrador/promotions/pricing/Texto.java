package dev.mostrador.promotions.pricing;

import java.util.Arrays;

/**
 * A sentence not yet written: a message-bundle key and its arguments. The engine knows no
 * language, so it says what to tell and whoever shows the quote writes it with the tenant's
 * messages ({@code messages.t(clave, args)}), only for the explanations it shows.
 *
 * @param args amounts as {@link Moneda#escribir} gives them (written in the shop's money format when shown), counts as
 *             numbers (the bundle picks the plural form), names and codes as strings
 */
public record Texto(String clave, Object... args) {

    // A record compares arrays by identity; tests and logs want the contents.
    @Override
    public boolean equals(Object other) {
        return other instanceof Texto t && clave.equals(t.clave) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * clave.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return clave + Arrays.toString(args);
    }
}
