package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PorcentajeTest {

    @Test
    void discountsBrutoTimesPercentRoundedHalfUpPerLine() {
        // 3 × 33.33 = 99.99; 15% = 14.9985 → 15.00
        Cotizacion c = quote(catalogo(producto(1, "33.33")), List.of(linea(1, 3)), porcentaje(7, "15", 1L));

        LineaCotizada l = onlyLine(c);
        assertMoney("33.33", l.precioUnitario());
        assertMoney("99.99", l.bruto());
        assertMoney("15.00", l.descuento());
        assertMoney("84.99", l.neto());
        assertEquals(7L, l.ofertaId());
        assertEquals("15% off", l.ofertaTitulo());
        assertExplained(explanation(c, 7, 1L), true, Motivos.APLICADA, "15% de descuento sobre 99.99");
    }

    @Test
    void exactHalfCentRoundsUp() {
        // 25% of 0.10 = 0.025: HALF_UP gives 0.03 where banker's rounding would give 0.02
        LineaCotizada l = onlyLine(quote(catalogo(producto(1, "0.10")), List.of(linea(1, 1)), porcentaje(1, "25")));
        assertMoney("0.03", l.descuento());
        assertMoney("0.07", l.neto());
    }

    @Test
    void belowHalfCentRoundsDown() {
        // 24% of 0.10 = 0.024 → 0.02
        LineaCotizada l = onlyLine(quote(catalogo(producto(1, "0.10")), List.of(linea(1, 1)), porcentaje(1, "24")));
        assertMoney("0.02", l.descuento());
    }

    @Test
    void hundredPercentMakesTheLineFreeButNeverNegative() {
        Cotizacion c = quote(catalogo(producto(1, "19.99")), List.of(linea(1, 2)), porcentaje(1, "100"));
        LineaCotizada l = onlyLine(c);
        assertMoney("39.98", l.descuento());
        assertMoney("0.00", l.neto());
        assertMoney("0.00", c.total());
        assertEquals("100% de descuento sobre 39.98", detalle(explanation(c, 1, 1L)));
    }

    @Test
    void fractionalPercentIsExact() {
        // 12.5% of 3 × 9.99 = 29.97 → 3.74625 → 3.75
        Cotizacion c = quote(catalogo(producto(1, "9.99")), List.of(linea(1, 3)), porcentaje(1, "12.5"));
        assertMoney("3.75", onlyLine(c).descuento());
        assertMoney("26.22", onlyLine(c).neto());
        assertEquals("12.5% de descuento sobre 29.97", detalle(explanation(c, 1, 1L)));
    }

    @Test
    void emptyProductosAppliesToEveryLine() {
        Cotizacion c = quote(catalogo(producto(1, "10.00"), producto(2, "20.00")),
                List.of(linea(1, 1), linea(2, 1)), porcentaje(5, "10"));
        assertMoney("1.00", lineFor(c, 1).descuento());
        assertMoney("2.00", lineFor(c, 2).descuento());
        assertExplained(explanation(c, 5, 1L), true, Motivos.APLICADA, null);
        assertExplained(explanation(c, 5, 2L), true, Motivos.APLICADA, null);
    }

    @Test
    void listedProductosLimitTheOfertaToThoseLines() {
        Cotizacion c = quote(catalogo(producto(1, "10.00"), producto(2, "20.00")),
                List.of(linea(1, 1), linea(2, 1)), porcentaje(5, "10", 2L));
        LineaCotizada untouched = lineFor(c, 1);
        assertNull(untouched.ofertaId());
        assertNull(untouched.ofertaTitulo());
        assertMoney("0.00", untouched.descuento());
        assertMoney("10.00", untouched.neto());
        assertMoney("2.00", lineFor(c, 2).descuento());
        // no row for the line the oferta does not cover
        assertEquals(1, c.explicaciones().size(), c.explicaciones()::toString);
    }

    @Test
    void zeroPricedProductGetsSinAhorro() {
        Cotizacion c = quote(catalogo(producto(1, "0.00")), List.of(linea(1, 4)), porcentaje(1, "50"));
        assertNull(onlyLine(c).ofertaId());
        assertMoney("0.00", onlyLine(c).descuento());
        assertExplained(explanation(c, 1, 1L), false, Motivos.SIN_AHORRO,
                "No baja el precio de lista de la línea (0.00)");
    }

    @Test
    void savingUnderHalfACentIsSinAhorroNotAZeroDiscount() {
        // 1% of 0.10 = 0.001 → 0.00
        Cotizacion c = quote(catalogo(producto(1, "0.10")), List.of(linea(1, 1)), porcentaje(1, "1"));
        assertNull(onlyLine(c).ofertaId());
        assertExplained(explanation(c, 1, 1L), false, Motivos.SIN_AHORRO, null);
    }
}
