package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegaloTest {

    private static final long GIFT = 99;
    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "10.00"), producto(2, "20.00"),
            producto(GIFT, "Llavero", "5.00", true));

    @Test
    void anyPurchaseTriggersAGiftWhenProductosIsEmpty() {
        Cotizacion c = quote(CATALOGO, List.of(linea(2, 1)), regalo(40, GIFT, 2));

        assertEquals(List.of(new LineaRegalo(GIFT, "SKU-99", "Llavero", 2, 40, "Regalo 40")), c.regalos());
        // the gift is free and outside the money: totals are the paid line only
        assertMoney("20.00", c.subtotal());
        assertMoney("0.00", c.descuentoTotal());
        assertMoney("20.00", c.total());
        assertExplained(explanation(c, 40, null), true, Motivos.APLICADA, "Regalo: 2 × Llavero");
    }

    @Test
    void emptyCartTriggersNothing() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 0)), regalo(40, GIFT, 1));
        assertTrue(c.regalos().isEmpty());
        assertExplained(explanation(c, 40, null), false, Motivos.SIN_PRODUCTOS_EN_CARRITO, "El carrito está vacío");
    }

    @Test
    void specificProductInCartTriggersTheGift() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1), linea(2, 3)), regalo(41, GIFT, 1, 2L, 7L));
        assertEquals(1, c.regalos().size());
        assertEquals(41L, c.regalos().get(0).ofertaId());
        assertEquals(Motivos.APLICADA, explanation(c, 41, null).motivo());
    }

    @Test
    void specificProductsAbsentGiveNoGift() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 5)), regalo(41, GIFT, 1, 2L, 7L));
        assertTrue(c.regalos().isEmpty());
        assertExplained(explanation(c, 41, null), false, Motivos.SIN_PRODUCTOS_EN_CARRITO,
                "Ninguno de sus productos está en el carrito");
    }

    @Test
    void specificProductWithQuantityZeroDoesNotTrigger() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1), linea(2, 0)), regalo(41, GIFT, 1, 2L));
        assertTrue(c.regalos().isEmpty());
        assertEquals(Motivos.SIN_PRODUCTOS_EN_CARRITO, explanation(c, 41, null).motivo());
    }

    @Test
    void giftAlreadyInCartStaysPaidAndTheGiftIsASeparateFreeLine() {
        Cotizacion c = quote(CATALOGO, List.of(linea(GIFT, 2), linea(1, 1)), regalo(40, GIFT, 1));

        LineaCotizada paid = lineFor(c, GIFT);
        assertEquals(2, paid.cantidad());
        assertMoney("10.00", paid.neto());
        assertEquals(List.of(new LineaRegalo(GIFT, "SKU-99", "Llavero", 1, 40, "Regalo 40")), c.regalos());
        assertMoney("20.00", c.subtotal());
        assertMoney("20.00", c.total());
    }

    @Test
    void inactiveGiftProductIsNotGiven() {
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "10.00"), producto(GIFT, "Llavero", "5.00", false));
        Cotizacion c = quote(cat, List.of(linea(1, 1)), regalo(40, GIFT, 1));
        assertTrue(c.regalos().isEmpty());
        assertExplained(explanation(c, 40, null), false, Motivos.REGALO_INACTIVO,
                "El producto de regalo 99 («Llavero») está inactivo");
    }

    @Test
    void missingGiftProductIsNotGiven() {
        Cotizacion c = quote(catalogo(producto(1, "10.00")), List.of(linea(1, 1)), regalo(40, GIFT, 1));
        assertTrue(c.regalos().isEmpty());
        assertExplained(explanation(c, 40, null), false, Motivos.REGALO_INACTIVO, "El producto de regalo 99 no existe");
    }

    @Test
    void absentTriggerIsReportedBeforeAnInactiveGift() {
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "10.00"), producto(GIFT, "Llavero", "5.00", false));
        Cotizacion c = quote(cat, List.of(linea(1, 1)), regalo(40, GIFT, 1, 2L));
        assertEquals(Motivos.SIN_PRODUCTOS_EN_CARRITO, explanation(c, 40, null).motivo());
    }

    @Test
    void severalRegalosEachAddTheirGiftEvenTheSameProduct() {
        Map<Long, ProductoCotizable> cat = catalogo(producto(1, "10.00"), producto(GIFT, "Llavero", "5.00", true),
                producto(98, "Taza", "8.00", true));
        Cotizacion c = quote(cat, List.of(linea(1, 1)),
                regalo(40, GIFT, 1), regalo(41, 98, 3, 1L), regalo(42, GIFT, 2, 1L));
        assertEquals(List.of(
                new LineaRegalo(GIFT, "SKU-99", "Llavero", 1, 40, "Regalo 40"),
                new LineaRegalo(98, "SKU-98", "Taza", 3, 41, "Regalo 41"),
                new LineaRegalo(GIFT, "SKU-99", "Llavero", 2, 42, "Regalo 42")), c.regalos());
        assertMoney("10.00", c.total());
    }

    @Test
    void regaloAddsOnTopOfTheLineDiscount() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3)), nxm(10, 3, 2, 1L), regalo(40, GIFT, 1, 1L));
        assertEquals(10L, onlyLine(c).ofertaId());
        assertMoney("20.00", c.total());
        assertEquals(1, c.regalos().size());
        assertTrue(explanation(c, 10, 1L).aplicada());
        assertTrue(explanation(c, 40, null).aplicada());
    }

    @Test
    void regaloNeverDiscountsOrCompetesOnALine() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1)), regalo(40, GIFT, 1, 1L));
        assertEquals(null, onlyLine(c).ofertaId());
        assertTrue(c.explicaciones().stream().allMatch(e -> e.productoId() == null), c.explicaciones()::toString);
    }
}
