package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NxmTest {

    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "10.00"));

    @ParameterizedTest(name = "3x2, q={0} pays {1}")
    @CsvSource({
            "3, 2, 10.00, 20.00",  // exact multiple
            "4, 3, 10.00, 30.00",  // one unit of remainder pays full
            "6, 4, 20.00, 40.00",  // two full groups
            "7, 5, 20.00, 50.00",  // two groups + one remainder
    })
    void tresPorDos(int q, int pagadas, String descuento, String neto) {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, q)), nxm(9, 3, 2, 1L));
        LineaCotizada l = onlyLine(c);
        assertMoney(descuento, l.descuento());
        assertMoney(neto, l.neto());
        assertEquals(9L, l.ofertaId());
        assertExplained(explanation(c, 9, 1L), true, Motivos.APLICADA, "3x2: " + q + " unidades pagan " + pagadas);
    }

    @Test
    void belowNIsCantidadInsuficiente() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 2)), nxm(9, 3, 2, 1L));
        LineaCotizada l = onlyLine(c);
        assertNull(l.ofertaId());
        assertMoney("0.00", l.descuento());
        assertMoney("20.00", l.neto());
        assertExplained(explanation(c, 9, 1L), false, Motivos.CANTIDAD_INSUFICIENTE,
                "3x2: hacen falta 3 unidades; en el carrito hay 2");
    }

    @Test
    void dosPorUnoWithRemainder() {
        // 5 units of 2x1 pay 2 + 1 = 3: two free units
        Cotizacion c = quote(catalogo(producto(1, "7.49")), List.of(linea(1, 5)), nxm(2, 2, 1));
        assertMoney("14.98", onlyLine(c).descuento());
        assertMoney("22.47", onlyLine(c).neto());
        assertEquals("2x1: 5 unidades pagan 3", detalle(explanation(c, 2, 1L)));
    }

    @Test
    void freeUnitsAreValuedAtListPriceWithCents() {
        Cotizacion c = quote(catalogo(producto(1, "3.33")), List.of(linea(1, 3)), nxm(1, 3, 2));
        assertMoney("3.33", onlyLine(c).descuento());
        assertMoney("6.66", onlyLine(c).neto());
    }

    @Test
    void largeQuantitiesDoNotOverflow() {
        // 2_000_000_001 units of 3x2: 666_666_667 groups, remainder 0 → 666_666_667 free units
        Cotizacion c = quote(catalogo(producto(1, "1.00")), List.of(linea(1, 2_000_000_001)), nxm(1, 3, 2));
        assertMoney("666666667.00", onlyLine(c).descuento());
    }
}
