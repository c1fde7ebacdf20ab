package dev.mostrador.promotions.pricing;

import dev.mostrador.promotions.pricing.LineEvaluation.NotApplied;
import dev.mostrador.promotions.pricing.LineEvaluation.Saving;

import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The arithmetic of the three line-discounting types. Amounts are computed exactly from the
 * list price and rounded to the currency's minor unit once, at the end, so per-line rounding is
 * the only rounding; explanations write amounts as the caller's {@link Moneda} does, and pass counts
 * as numbers so the message bundles pick their plural forms ("1 unidad", "5 unidades").
 */
final class LineDiscountCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LineDiscountCalculator() {}

    static LineEvaluation evaluate(OfertaAplicable oferta, CartLine line, Moneda moneda) {
        if (oferta.tipo() == null) return invalid("sin_tipo");
        switch (oferta.tipo()) {
            case PORCENTAJE:
                return porcentaje(oferta, line, moneda);
            case PRECIO_CANTIDAD:
                return precioCantidad(oferta, line, moneda);
            case NXM:
                return nxm(oferta, line, moneda);
            default:
                // The index never hands a regalo over; if it ever did, it must not discount the line.
                return invalid("regalo_en_linea");
        }
    }

    /** discount = bruto × x / 100. */
    private static LineEvaluation porcentaje(OfertaAplicable oferta, CartLine line, Moneda moneda) {
        BigDecimal pct = oferta.descuentoPorcentaje();
        if (pct == null || pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0) {
            return invalid("porcentaje", String.valueOf(pct));
        }
        // movePointLeft is an exact division by 100: no MathContext, no early rounding.
        BigDecimal exact = line.brutoExacto().multiply(pct).movePointLeft(2);
        return saving(exact, line, moneda, () -> new Texto("pricing.x.porcentaje", percent(pct), moneda.escribir(line.bruto())));
    }

    /** Unit price of the largest tier whose cantidad ≤ q; discount = bruto − q × tier price. */
    private static LineEvaluation precioCantidad(OfertaAplicable oferta, CartLine line, Moneda moneda) {
        if (oferta.reglas().isEmpty()) return invalid("sin_reglas");
        int q = line.cantidad();
        ReglaPrecio tier = null;
        int smallest = Integer.MAX_VALUE;
        for (ReglaPrecio regla : oferta.reglas()) {
            if (regla == null || regla.precio() == null) return invalid("regla_incompleta");
            smallest = Math.min(smallest, regla.cantidad());
            if (regla.cantidad() <= q && (tier == null || isBetterTier(regla, tier))) tier = regla;
        }
        if (tier == null) {
            return new NotApplied(Motivos.CANTIDAD_INSUFICIENTE,
                    new Texto("pricing.x.desde_insuficiente", smallest, q));
        }
        BigDecimal lista = line.producto().precio();
        ReglaPrecio applied = tier; // effectively final, for the text built later
        if (applied.precio().compareTo(lista) >= 0) {
            return new NotApplied(Motivos.SIN_AHORRO,
                    new Texto("pricing.x.desde_sin_ahorro", applied.cantidad(), moneda.escribir(applied.precio()),
                            moneda.escribir(lista)));
        }
        BigDecimal exact = line.brutoExacto().subtract(applied.precio().multiply(BigDecimal.valueOf(q)));
        return saving(exact, line, moneda, () -> new Texto("pricing.x.desde", applied.cantidad(),
                moneda.escribir(applied.precio()), moneda.escribir(lista)));
    }

    /** The larger threshold wins; two rules at the same threshold resolve to the cheaper one. */
    private static boolean isBetterTier(ReglaPrecio candidate, ReglaPrecio current) {
        if (candidate.cantidad() != current.cantidad()) return candidate.cantidad() > current.cantidad();
        return candidate.precio().compareTo(current.precio()) < 0;
    }

    /** q units pay (q div N)·M + (q mod N); the unpaid units are discounted at list price. */
    private static LineEvaluation nxm(OfertaAplicable oferta, CartLine line, Moneda moneda) {
        Integer n = oferta.compraCantidad();
        Integer m = oferta.pagaCantidad();
        if (n == null || m == null || n < 2 || m < 1 || m >= n) {
            return invalid("nxm", n + "x" + m);
        }
        String nombre = n + "x" + m;
        int q = line.cantidad();
        if (q < n) {
            return new NotApplied(Motivos.CANTIDAD_INSUFICIENTE,
                    new Texto("pricing.x.nxm_insuficiente", nombre, n, q));
        }
        long pagadas = (long) (q / n) * m + q % n;
        BigDecimal exact = line.producto().precio().multiply(BigDecimal.valueOf(q - pagadas));
        return saving(exact, line, moneda, () -> new Texto("pricing.x.nxm", nombre, q, pagadas));
    }

    /** Rounds once; a saving that rounds to nothing is reported, not applied at 0. */
    private static LineEvaluation saving(BigDecimal exact, CartLine line, Moneda moneda, Supplier<Texto> detalle) {
        // min(bruto) guards neto ≥ 0 even if a malformed oferta (negative tier price) slips through.
        BigDecimal descuento = moneda.redondear(exact).min(line.bruto());
        if (descuento.signum() <= 0) {
            return new NotApplied(Motivos.SIN_AHORRO,
                    new Texto("pricing.x.sin_ahorro", moneda.escribir(line.bruto())));
        }
        return new Saving(descuento, detalle);
    }

    /** "Oferta mal configurada: …": {@code why} names the key under pricing.x.invalida. */
    private static NotApplied invalid(String why, Object... args) {
        return new NotApplied(Motivos.OFERTA_INVALIDA, new Texto("pricing.x.invalida." + why, args));
    }

    /** "15", "12.5", "100": a percentage as people write it. */
    static String percent(BigDecimal percentage) {
        return percentage.stripTrailingZeros().toPlainString();
    }
}
