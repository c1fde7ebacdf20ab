package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TotalsTest {

    @Test
    void totalsAreTheSumsOfTheRoundedLines() {
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "33.33"), producto(2, "10.00"), producto(3, "100.00"),
                producto(4, "2.50"));
        Cotizacion c = quote(cat, List.of(linea(1, 3), linea(2, 7), linea(3, 10), linea(4, 1)),
                porcentaje(1, "15", 1L), nxm(2, 3, 2, 2L),
                precioCantidad(3, List.of(regla(5, "90.00"), regla(10, "80.00")), 3L));

        // 99.99 - 15.00 | 70.00 - 20.00 | 1000.00 - 200.00 | 2.50 - 0.00
        assertMoney("1172.49", c.subtotal());
        assertMoney("235.00", c.descuentoTotal());
        assertMoney("937.49", c.total());

        BigDecimal bruto = BigDecimal.ZERO, descuento = BigDecimal.ZERO, neto = BigDecimal.ZERO;
        for (LineaCotizada l : c.lineas()) {
            bruto = bruto.add(l.bruto());
            descuento = descuento.add(l.descuento());
            neto = neto.add(l.neto());
            assertEquals(l.bruto().subtract(l.descuento()), l.neto());
        }
        assertEquals(bruto, c.subtotal());
        assertEquals(descuento, c.descuentoTotal());
        assertEquals(neto, c.total());
    }

    @Test
    void eachLineIsRoundedOnItsOwnBeforeSumming() {
        // two lines of 0.10 at 25%: 0.03 + 0.03 = 0.06, where rounding the cart would give 0.05
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "0.10"), producto(2, "0.10"));
        Cotizacion c = quote(cat, List.of(linea(1, 1), linea(2, 1)), porcentaje(1, "25"));
        assertMoney("0.06", c.descuentoTotal());
        assertMoney("0.14", c.total());
    }

    @Test
    void everyAmountHasScaleTwoWhateverThePriceScale() {
        Map<Long, ProductoCotizable> cat = catalogo(
                new ProductoCotizable(1, "A", "Entero", new BigDecimal("10"), true),
                new ProductoCotizable(2, "B", "Un decimal", new BigDecimal("2.5"), true));
        Cotizacion c = quote(cat, List.of(linea(1, 1), linea(2, 2)), porcentaje(1, "50", 1L));
        LineaCotizada entero = lineFor(c, 1);
        assertMoney("10.00", entero.precioUnitario());
        assertMoney("10.00", entero.bruto());
        assertMoney("5.00", entero.descuento());
        assertMoney("5.00", entero.neto());
        LineaCotizada sinOferta = lineFor(c, 2);
        assertMoney("2.50", sinOferta.precioUnitario());
        assertMoney("5.00", sinOferta.bruto());
        assertMoney("0.00", sinOferta.descuento());
        assertMoney("5.00", sinOferta.neto());
        assertMoney("15.00", c.subtotal());
        assertMoney("5.00", c.descuentoTotal());
        assertMoney("10.00", c.total());
    }

    @Test
    void subCentListPricesAreRoundedForDisplayAndDiscountedExactly() {
        // 3 × 0.125 = 0.375 → bruto 0.38; 50% = 0.1875 → 0.19; neto 0.19
        Cotizacion c = quote(catalogo(producto(1, "0.125")), List.of(linea(1, 3)), porcentaje(1, "50"));
        LineaCotizada l = onlyLine(c);
        assertMoney("0.13", l.precioUnitario());
        assertMoney("0.38", l.bruto());
        assertMoney("0.19", l.descuento());
        assertMoney("0.19", l.neto());
    }

    @Test
    void quoteListsAreImmutable() {
        Cotizacion c = quote(catalogo(producto(1, "1.00")), List.of(linea(1, 1)), porcentaje(1, "10"));
        assertThrows(UnsupportedOperationException.class, () -> c.lineas().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.explicaciones().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.regalos().clear());
    }
}
