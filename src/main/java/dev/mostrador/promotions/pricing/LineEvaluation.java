package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.util.function.Supplier;

/** What one oferta would do to one cart line, before the line picks its best oferta. */
sealed interface LineEvaluation permits LineEvaluation.Saving, LineEvaluation.NotApplied {

    /**
     * The oferta lowers the line by {@code descuento} (already rounded to the minor unit, &gt; 0, ≤ bruto). The text is
     * built only if this oferta wins: with hundreds of ofertas per line, most savings lose, and
     * formatting their texts was most of a quote's cost.
     */
    record Saving(BigDecimal descuento, Supplier<String> detalle) implements LineEvaluation {}

    /** The oferta cannot lower this line; {@code motivo} is one of {@link Motivos}. */
    record NotApplied(String motivo, String detalle) implements LineEvaluation {}
}
