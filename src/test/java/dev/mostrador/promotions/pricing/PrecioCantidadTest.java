package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PrecioCantidadTest {

    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "100.00"));
    /** From 5 units 90.00 each, from 10 units 80.00 each (list 100.00). */
    private static final OfertaAplicable TIERS = precioCantidad(3, List.of(regla(5, "90.00"), regla(10, "80.00")), 1L);

    @ParameterizedTest(name = "q={0} → descuento {1}")
    @CsvSource({
            "5,  50.00,  450.00",   // exactly at the first tier
            "6,  60.00,  540.00",
            "9,  90.00,  810.00",   // just below the second tier: still 90.00
            "10, 200.00, 800.00",   // exactly at the second tier
            "25, 500.00, 2000.00",  // above the largest tier keeps the largest tier's price
    })
    void unitPriceComesFromTheLargestTierNotAboveQuantity(int q, String descuento, String neto) {
        LineaCotizada l = onlyLine(quote(CATALOGO, List.of(linea(1, q)), TIERS));
        assertMoney(descuento, l.descuento());
        assertMoney(neto, l.neto());
        assertEquals(3L, l.ofertaId());
    }

    @Test
    void explainsTheTierUsed() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 10)), TIERS);
        assertExplained(explanation(c, 3, 1L), true, Motivos.APLICADA, "Desde 10 unidades: 80.00 c/u en lugar de 100.00");
    }

    @Test
    void belowTheSmallestTierIsCantidadInsuficiente() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 4)), TIERS);
        assertNull(onlyLine(c).ofertaId());
        assertMoney("0.00", onlyLine(c).descuento());
        assertMoney("400.00", onlyLine(c).neto());
        assertExplained(explanation(c, 3, 1L), false, Motivos.CANTIDAD_INSUFICIENTE,
                "Precio por cantidad desde 5 unidades; en el carrito hay 4");
    }

    @Test
    void rulesMayArriveInAnyOrder() {
        OfertaAplicable reversed = precioCantidad(3, List.of(regla(10, "80.00"), regla(5, "90.00")), 1L);
        assertMoney("90.00", onlyLine(quote(CATALOGO, List.of(linea(1, 9)), reversed)).descuento());
        assertMoney("200.00", onlyLine(quote(CATALOGO, List.of(linea(1, 10)), reversed)).descuento());
    }

    @ParameterizedTest(name = "single rule, q={0}")
    @CsvSource({"3, 1.50", "7, 3.50"})
    void singleRuleAppliesFromItsCantidadOn(int q, String descuento) {
        OfertaAplicable single = precioCantidad(4, List.of(regla(3, "9.50")));
        assertMoney(descuento, onlyLine(quote(catalogo(producto(1, "10.00")), List.of(linea(1, q)), single)).descuento());
    }

    @Test
    void singleRuleBelowItsCantidadDoesNotApply() {
        OfertaAplicable single = precioCantidad(4, List.of(regla(3, "9.50")));
        Cotizacion c = quote(catalogo(producto(1, "10.00")), List.of(linea(1, 2)), single);
        assertNull(onlyLine(c).ofertaId());
        assertExplained(explanation(c, 4, 1L), false, Motivos.CANTIDAD_INSUFICIENTE,
                "Precio por cantidad desde 3 unidades; en el carrito hay 2");
    }

    @Test
    void tierPriceEqualToListPriceIsSinAhorro() {
        OfertaAplicable same = precioCantidad(5, List.of(regla(1, "100.00")));
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 2)), same);
        assertNull(onlyLine(c).ofertaId());
        assertMoney("200.00", onlyLine(c).neto());
        assertExplained(explanation(c, 5, 1L), false, Motivos.SIN_AHORRO,
                "Desde 1 unidad: 100.00 c/u no mejora el precio de lista 100.00");
    }

    @Test
    void tierPriceAboveListPriceIsSinAhorroNeverASurcharge() {
        OfertaAplicable dearer = precioCantidad(5, List.of(regla(2, "120.00")));
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 2)), dearer);
        assertMoney("0.00", onlyLine(c).descuento());
        assertMoney("200.00", onlyLine(c).neto());
        assertEquals(Motivos.SIN_AHORRO, explanation(c, 5, 1L).motivo());
    }

    @Test
    void subCentTierPricesRoundTheLineDiscountHalfUp() {
        // list 1.00, tier 0.995: 1 unit saves 0.005 → 0.01; 3 units save 0.015 → 0.02 (not 3 × 0.01)
        OfertaAplicable fine = precioCantidad(6, List.of(regla(1, "0.995")));
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "1.00"));
        assertMoney("0.01", onlyLine(quote(cat, List.of(linea(1, 1)), fine)).descuento());
        assertMoney("0.02", onlyLine(quote(cat, List.of(linea(1, 3)), fine)).descuento());
    }

    @Test
    void twoRulesAtTheSameCantidadUseTheCheaperPrice() {
        OfertaAplicable dup = precioCantidad(7, List.of(regla(2, "95.00"), regla(2, "85.00")));
        assertMoney("30.00", onlyLine(quote(CATALOGO, List.of(linea(1, 2)), dup)).descuento());
    }
}
