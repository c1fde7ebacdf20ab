package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BestOfertaSelectionTest {

    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "10.00"), producto(2, "1.00"));

    @Test
    void theOfertaSavingTheMostWinsAndTheOtherIsExplained() {
        // 3 units: 10% saves 3.00, 3x2 saves 10.00
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3)), porcentaje(1, "10"), nxm(2, 3, 2, 1L));
        LineaCotizada l = onlyLine(c);
        assertEquals(2L, l.ofertaId());
        assertMoney("10.00", l.descuento());
        assertMoney("20.00", l.neto());
        assertExplained(explanation(c, 2, 1L), true, Motivos.APLICADA, "3x2: 3 unidades pagan 2");
        assertExplained(explanation(c, 1, 1L), false, Motivos.MEJOR_OFERTA_OTRA,
                "«3x2» ahorra 10.00 en esta línea; esta, 3.00");
    }

    @Test
    void ofertasDoNotStackOnALine() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3)), porcentaje(1, "10"), porcentaje(2, "20"), nxm(3, 3, 2));
        assertMoney("10.00", onlyLine(c).descuento());
        assertMoney("10.00", c.descuentoTotal());
    }

    @Test
    void anOfertaThatCannotApplyKeepsItsOwnMotivo() {
        // 2 units: the 3x2 lacks quantity, so the 10% applies and the 3x2 says why not
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 2)), porcentaje(1, "10"), nxm(2, 3, 2, 1L));
        assertEquals(1L, onlyLine(c).ofertaId());
        assertMoney("2.00", onlyLine(c).descuento());
        assertEquals(Motivos.CANTIDAD_INSUFICIENTE, explanation(c, 2, 1L).motivo());
    }

    @Test
    void eachLinePicksItsOwnWinner() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3), linea(2, 2)), nxm(2, 3, 2), porcentaje(1, "10"));
        assertEquals(2L, lineFor(c, 1).ofertaId());
        assertEquals(1L, lineFor(c, 2).ofertaId());
        assertMoney("0.20", lineFor(c, 2).descuento());
        assertEquals(Motivos.CANTIDAD_INSUFICIENTE, explanation(c, 2, 2L).motivo());
        assertEquals(Motivos.MEJOR_OFERTA_OTRA, explanation(c, 1, 1L).motivo());
    }

    @Test
    void equalSavingsGoToTheOfertaEndingFirstWhateverTheInputOrder() {
        OfertaAplicable later = conTitulo(conHasta(porcentaje(1, "10"), "2026-03-31T23:59:59-03:00"), "Marzo");
        OfertaAplicable sooner = conTitulo(conHasta(porcentaje(2, "10"), "2026-03-15T23:59:59-03:00"), "Quincena");
        for (List<OfertaAplicable> order : List.of(List.of(later, sooner), List.of(sooner, later))) {
            Cotizacion c = new PricingEngine().quote(List.of(linea(1, 1)), CATALOGO, order);
            assertEquals(2L, onlyLine(c).ofertaId(), "order " + order);
            assertExplained(explanation(c, 1, 1L), false, Motivos.MEJOR_OFERTA_OTRA,
                    "Ahorra lo mismo (1.00) que «Quincena», que vence antes");
        }
    }

    @Test
    void equalSavingsAndEndGoToTheLowestIdWhateverTheInputOrder() {
        OfertaAplicable high = conTitulo(porcentaje(8, "10"), "Ocho");
        OfertaAplicable low = conTitulo(porcentaje(3, "10"), "Tres");
        for (List<OfertaAplicable> order : List.of(List.of(high, low), List.of(low, high))) {
            Cotizacion c = new PricingEngine().quote(List.of(linea(1, 1)), CATALOGO, order);
            assertEquals(3L, onlyLine(c).ofertaId(), "order " + order);
            assertExplained(explanation(c, 8, 1L), false, Motivos.MEJOR_OFERTA_OTRA,
                    "Ahorra lo mismo (1.00) que «Tres», que se aplica por desempate");
        }
    }

    @Test
    void endDatesAreComparedAsInstantsAcrossOffsets() {
        // 02:00Z is earlier than 00:00-03:00 (= 03:00Z) although its local time looks later
        OfertaAplicable a = conHasta(porcentaje(1, "10"), "2026-03-01T00:00:00-03:00");
        OfertaAplicable b = conHasta(porcentaje(2, "10"), "2026-03-01T02:00:00Z");
        assertEquals(2L, onlyLine(quote(CATALOGO, List.of(linea(1, 1)), a, b)).ofertaId());
    }

    @Test
    void anOfertaWithoutEndDateLosesTheTieToOneWithAnEnd() {
        OfertaAplicable open = conHasta(porcentaje(1, "10"), null);
        OfertaAplicable dated = porcentaje(2, "10");
        assertEquals(2L, onlyLine(quote(CATALOGO, List.of(linea(1, 1)), open, dated)).ofertaId());
        assertEquals(2L, onlyLine(quote(CATALOGO, List.of(linea(1, 1)), dated, open)).ofertaId());
    }

    @Test
    void savingsAreComparedInRoundedCents() {
        // on 1.00: 10.4% saves 0.104 and 10% saves 0.10, both 0.10 in cents → tie → earlier hasta wins
        OfertaAplicable bigger = conHasta(porcentaje(1, "10.4"), "2026-04-30T00:00:00Z");
        OfertaAplicable smaller = conHasta(porcentaje(2, "10"), "2026-04-01T00:00:00Z");
        Cotizacion c = quote(CATALOGO, List.of(linea(2, 1)), bigger, smaller);
        assertEquals(2L, onlyLine(c).ofertaId());
        assertMoney("0.10", onlyLine(c).descuento());
    }

    @Test
    void productSpecificAndGlobalOfertasCompeteOnTheSameTerms() {
        // 20 units at 10.00: 15% everywhere saves 30.00; tier 8.00 on product 1 saves 40.00
        OfertaAplicable global = porcentaje(1, "15");
        OfertaAplicable tier = precioCantidad(2, List.of(regla(10, "8.00")), 1L);
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 20)), global, tier);
        assertEquals(2L, onlyLine(c).ofertaId());
        assertMoney("40.00", onlyLine(c).descuento());
    }
}
