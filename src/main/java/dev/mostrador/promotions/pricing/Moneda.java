package dev.mostrador.promotions.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Function;

/**
 * The currency a quote is priced in, as the engine needs it: its minor unit (ISO 4217: CLP 0,
 * UYU 2…), the one scale every amount of a quote is rounded to, and how an amount is written in
 * an explanation. The caller passes both in, so the engine stays pure and knows no tenant.
 *
 * @param decimales the minor unit: the number of decimals every amount is rounded to
 * @param texto     writes an amount already rounded to {@code decimales} (e.g. "$ 1.990" in es-CL)
 */
public record Moneda(int decimales, Function<BigDecimal, String> texto) {

    /** Two decimals written as plain digits ("1234.50"): texts that do not depend on any locale. */
    public static final Moneda CENTAVOS = new Moneda(2, BigDecimal::toPlainString);

    public Moneda {
        if (decimales < 0 || decimales > 4) throw new IllegalArgumentException("minor unit out of range: " + decimales);
        Objects.requireNonNull(texto, "texto");
    }

    /** Rounds an exact amount to the minor unit, half up, as the shop's receipts do. */
    public BigDecimal redondear(BigDecimal exact) {
        return exact.setScale(decimales, RoundingMode.HALF_UP);
    }

    /**
     * The amount rounded, to be written when read: what an explanation shows is what the quote
     * charges. Written lazily because most explanations are never shown (an order keeps only the
     * applied ones), and writing every losing oferta's saving took a third of placing an order.
     */
    public Escrito escribir(BigDecimal amount) {
        return new Escrito(redondear(amount), texto);
    }

    /** An amount and how the shop writes it; {@link #toString()} writes it ("$ 1.990"). */
    public record Escrito(BigDecimal monto, Function<BigDecimal, String> texto) {
        @Override
        public String toString() {
            return texto.apply(monto);
        }
    }

    public BigDecimal cero() {
        return BigDecimal.ZERO.setScale(decimales);
    }
}
