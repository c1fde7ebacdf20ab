package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;

/** What one oferta would do to one cart line, before the line picks its best oferta. */
sealed interface LineEvaluation permits LineEvaluation.Saving, LineEvaluation.NotApplied {

    /** The oferta lowers the line by {@code descuento} (already in cents, &gt; 0, ≤ bruto). */
    record Saving(BigDecimal descuento, String detalle) implements LineEvaluation {}

    /** The oferta cannot lower this line; {@code motivo} is one of {@link Motivos}. */
    record NotApplied(String motivo, String detalle) implements LineEvaluation {}
}
