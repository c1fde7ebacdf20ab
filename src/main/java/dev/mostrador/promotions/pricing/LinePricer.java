package dev.mostrador.promotions.pricing;

import dev.mostrador.promotions.pricing.LineEvaluation.NotApplied;
import dev.mostrador.promotions.pricing.LineEvaluation.Saving;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Prices one cart line: weighs every candidate oferta and applies the single one that saves the
 * customer the most. Ofertas do not stack on a line, because stacking percentages on top of
 * tier prices would give away more than any one oferta promises.
 */
final class LinePricer {

    private LinePricer() {}

    /** Returns the priced line and appends one explanation per candidate to {@code explicaciones}. */
    static LineaCotizada price(CartLine line, List<OfertaAplicable> candidates, List<Explicacion> explicaciones, Moneda moneda) {
        int count = candidates.size();
        LineEvaluation[] evaluations = new LineEvaluation[count];
        int best = -1;
        for (int i = 0; i < count; i++) {
            evaluations[i] = LineDiscountCalculator.evaluate(candidates.get(i), line, moneda);
            if (evaluations[i] instanceof Saving saving) {
                if (best < 0 || beats(candidates.get(i), saving, candidates.get(best), (Saving) evaluations[best])) {
                    best = i;
                }
            }
        }
        OfertaAplicable winner = best < 0 ? null : candidates.get(best);
        Saving winning = best < 0 ? null : (Saving) evaluations[best];
        Long productoId = line.productoId();
        // Written once per line: every oferta that saves less names the winner's saving.
        Moneda.Escrito winnerSaves = winner == null ? null : moneda.escribir(winning.descuento());
        for (int i = 0; i < count; i++) {
            OfertaAplicable oferta = candidates.get(i);
            LineEvaluation evaluation = evaluations[i];
            if (i == best) {
                explicaciones.add(new Explicacion(oferta.id(), oferta.titulo(), productoId, true,
                        Motivos.APLICADA, winning.detalle().get()));
            } else if (evaluation instanceof Saving saving) {
                explicaciones.add(new Explicacion(oferta.id(), oferta.titulo(), productoId, false,
                        Motivos.MEJOR_OFERTA_OTRA, lostTo(oferta, saving, winner, winning, winnerSaves, moneda)));
            } else {
                NotApplied notApplied = (NotApplied) evaluation;
                explicaciones.add(new Explicacion(oferta.id(), oferta.titulo(), productoId, false,
                        notApplied.motivo(), notApplied.detalle()));
            }
        }
        ProductoCotizable producto = line.producto();
        BigDecimal descuento = winning == null ? moneda.cero() : winning.descuento();
        return new LineaCotizada(producto.id(), producto.sku(), producto.nombre(), line.cantidad(),
                moneda.redondear(producto.precio()), line.bruto(),
                winner == null ? null : winner.id(), winner == null ? null : winner.titulo(),
                descuento, line.bruto().subtract(descuento));
    }

    /**
     * More saved wins (compared rounded to the minor unit: what the customer sees); on a tie the
     * oferta that ends first wins, so the shop's short promotion is the one that gets used;
     * then the lowest id, so the same cart always gets the same quote.
     */
    static boolean beats(OfertaAplicable a, Saving savingA, OfertaAplicable b, Saving savingB) {
        int bySaving = savingA.descuento().compareTo(savingB.descuento());
        if (bySaving != 0) return bySaving > 0;
        int byHasta = compareHasta(a.hasta(), b.hasta());
        if (byHasta != 0) return byHasta < 0;
        return a.id() < b.id();
    }

    /** Compares instants (not local times); an oferta without end date counts as ending last. */
    private static int compareHasta(OffsetDateTime a, OffsetDateTime b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return a.toInstant().compareTo(b.toInstant());
    }

    /** {@code winnerSaves} is the winner's saving as written, once per line since every loser shares it. */
    private static Texto lostTo(OfertaAplicable loser, Saving saving, OfertaAplicable winner, Saving winning, Moneda.Escrito winnerSaves,
                                 Moneda moneda) {
        if (saving.descuento().compareTo(winning.descuento()) < 0) {
            return new Texto("pricing.x.otra_ahorra_mas", winner.titulo(), winnerSaves, moneda.escribir(saving.descuento()));
        }
        String key = compareHasta(loser.hasta(), winner.hasta()) != 0 ? "pricing.x.empate_vence_antes" : "pricing.x.empate";
        return new Texto(key, moneda.escribir(saving.descuento()), winner.titulo());
    }
}
