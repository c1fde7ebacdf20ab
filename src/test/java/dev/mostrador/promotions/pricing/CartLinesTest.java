package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging, dropping and rejecting cart lines before any oferta is weighed. */
class CartLinesTest {

    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "10.00"), producto(2, "4.00"),
            producto(3, "Discontinuado", "1.00", false));

    @Test
    void duplicateLinesMergeInOrderOfFirstAppearanceAndOfertasSeeTheTotal() {
        // 1 + 2 units typed on separate lines still make a 3x2
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1), linea(2, 1), linea(1, 2)), nxm(5, 3, 2, 1L));
        assertEquals(List.of(1L, 2L), c.lineas().stream().map(LineaCotizada::productoId).toList());
        LineaCotizada merged = lineFor(c, 1);
        assertEquals(3, merged.cantidad());
        assertMoney("30.00", merged.bruto());
        assertMoney("10.00", merged.descuento());
        assertEquals(1, c.explicaciones().size(), c.explicaciones()::toString);
    }

    @Test
    void quantityZeroLinesAreDroppedWithoutExplanationRows() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 0), linea(2, 1)), porcentaje(5, "10"));
        assertEquals(List.of(2L), c.lineas().stream().map(LineaCotizada::productoId).toList());
        assertEquals(List.of(2L), c.explicaciones().stream().map(Explicacion::productoId).toList());
    }

    @Test
    void linesMergingToZeroAreDropped() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 0), linea(1, 0)));
        assertTrue(c.lineas().isEmpty());
    }

    @Test
    void anOfertaWhoseOnlyProductHasQuantityZeroIsNotInTheCart() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 0), linea(2, 1)), porcentaje(5, "10", 1L));
        assertExplained(explanation(c, 5, null), false, Motivos.SIN_PRODUCTOS_EN_CARRITO,
                "Ninguno de sus productos está en el carrito");
        assertEquals(1, c.explicaciones().size());
    }

    @Test
    void emptyCartGivesAnEmptyQuoteAtZero() {
        Cotizacion c = quote(CATALOGO, List.of());
        assertTrue(c.lineas().isEmpty());
        assertTrue(c.regalos().isEmpty());
        assertTrue(c.explicaciones().isEmpty());
        assertMoney("0.00", c.subtotal());
        assertMoney("0.00", c.descuentoTotal());
        assertMoney("0.00", c.total());
    }

    @Test
    void unknownProductIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quote(CATALOGO, List.of(linea(1, 1), linea(42, 1))));
        assertEquals("product 42 does not exist", e.getMessage());
    }

    @Test
    void unknownProductIsRejectedEvenWithQuantityZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quote(CATALOGO, List.of(linea(42, 0))));
        assertEquals("product 42 does not exist", e.getMessage());
    }

    @Test
    void inactiveProductIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quote(CATALOGO, List.of(linea(3, 1))));
        assertEquals("product 3 is inactive", e.getMessage());
    }

    @Test
    void negativeQuantityIsRejectedEvenIfTheMergedTotalWouldBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quote(CATALOGO, List.of(linea(2, 5), linea(2, -1))));
        assertEquals("product 2 has a negative quantity: -1", e.getMessage());
    }

    @Test
    void mergedQuantityOverflowIsRejectedNotWrappedAround() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quote(CATALOGO, List.of(linea(1, Integer.MAX_VALUE), linea(1, 1))));
        assertEquals("product 1 has a quantity too large to price", e.getMessage());
    }

    @Test
    void nullLineIsRejected() {
        List<LineaPedido> lines = new ArrayList<>();
        lines.add(null);
        assertThrows(IllegalArgumentException.class, () -> quote(CATALOGO, lines));
    }

    @Test
    void theCallersListsAreNotModified() {
        List<LineaPedido> lines = new ArrayList<>(List.of(linea(1, 1), linea(1, 2), linea(2, 0)));
        List<LineaPedido> before = List.copyOf(lines);
        quote(CATALOGO, lines, porcentaje(1, "10"));
        assertEquals(before, lines);
    }
}
