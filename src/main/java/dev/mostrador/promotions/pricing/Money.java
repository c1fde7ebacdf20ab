package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Cents and their text: one place decides the scale and the rounding of every amount in a quote. */
final class Money {

    static final int SCALE = 2;
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {}

    /** Rounds an exact amount to cents, half up, as the shop's receipts do. */
    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** "1234.50": plain digits, no grouping, so texts do not depend on the JVM's locale. */
    static String format(BigDecimal amount) {
        return cents(amount).toPlainString();
    }

    /** "15", "12.5", "100": a percentage as people write it. */
    static String percent(BigDecimal percentage) {
        return percentage.stripTrailingZeros().toPlainString();
    }
}
