package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationsTest {

    private static final Map<Long, ProductoCotizable> CATALOGO = catalogo(producto(1, "10.00"), producto(2, "20.00"),
            producto(99, "Llavero", "5.00", true));

    @Test
    void oneRowPerOfertaAndLineThenCartLevelRowsInADeterministicOrder() {
        Cotizacion c = quote(CATALOGO, List.of(linea(2, 3), linea(1, 1)),
                regalo(50, 99, 1), porcentaje(10, "10"), nxm(20, 3, 2, 2L), porcentaje(30, "5", 7L));
        List<String> rows = c.explicaciones().stream()
                .map(e -> e.ofertaId() + "/" + e.productoId() + "/" + e.motivo()).toList();
        assertEquals(List.of(
                "10/2/mejor_oferta_otra", "20/2/aplicada",   // line of product 2 first: it was typed first
                "10/1/aplicada",
                "30/null/sin_productos_en_carrito",          // ofertas with no line
                "50/null/aplicada"), rows);                   // regalos last
    }

    @Test
    void titlesAreCopiedFromTheOferta() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1)), conTitulo(porcentaje(10, "10"), "Verano"));
        assertEquals("Verano", explanation(c, 10, 1L).titulo());
    }

    @Test
    void anOfertaWithoutAnyOfItsProductsInTheCartGetsOneCartLevelRow() {
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 1)), nxm(20, 3, 2, 2L, 3L));
        assertEquals(1, c.explicaciones().size());
        assertExplained(explanation(c, 20, null), false, Motivos.SIN_PRODUCTOS_EN_CARRITO,
                "Ninguno de sus productos está en el carrito");
    }

    @Test
    void aGlobalOfertaOnAnEmptyCartSaysTheCartIsEmpty() {
        Cotizacion c = quote(CATALOGO, List.of(), porcentaje(10, "10"));
        assertExplained(explanation(c, 10, null), false, Motivos.SIN_PRODUCTOS_EN_CARRITO, "El carrito está vacío");
    }

    @Test
    void nullProductosMeansEveryProductLikeAnEmptySet() {
        OfertaAplicable nullProductos = new OfertaAplicable(10, "Todo", OfertaTipo.PORCENTAJE, new BigDecimal("10"), null, null, null,
                null, 0, HASTA, null);
        assertTrue(nullProductos.aplicaATodos());
        assertMoney("2.00", onlyLine(quote(CATALOGO, List.of(linea(2, 1)), nullProductos)).descuento());
    }

    @Test
    void malformedOfertasAreSkippedWithOfertaInvalidaInsteadOfFailingTheQuote() {
        OfertaAplicable noPct = new OfertaAplicable(1, "Sin %", OfertaTipo.PORCENTAJE, null, null, null, null, null, 0, HASTA, null);
        OfertaAplicable overHundred = new OfertaAplicable(2, "150%", OfertaTipo.PORCENTAJE, new BigDecimal("150"), null, null, null,
                null, 0, HASTA, null);
        OfertaAplicable noRules = new OfertaAplicable(3, "Sin reglas", OfertaTipo.PRECIO_CANTIDAD, null, null, null, null, null, 0,
                HASTA, null);
        OfertaAplicable badNxm = nxm(4, 2, 2);
        OfertaAplicable noType = new OfertaAplicable(5, "Sin tipo", null, new BigDecimal("10"), null, null, null, null, 0, HASTA, null);
        OfertaAplicable noGift = new OfertaAplicable(6, "Regalo vacío", OfertaTipo.REGALO, null, null, null, null, null, 1, HASTA, null);

        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3)), noPct, overHundred, noRules, badNxm, noType, noGift);

        assertNull(onlyLine(c).ofertaId());
        assertMoney("30.00", c.total());
        for (long id = 1; id <= 5; id++) assertEquals(Motivos.OFERTA_INVALIDA, explanation(c, id, 1L).motivo());
        assertEquals("Oferta mal configurada: NxM inválido: 2x2", detalle(explanation(c, 4, 1L)));
        assertEquals(Motivos.OFERTA_INVALIDA, explanation(c, 6, null).motivo());
        assertTrue(c.regalos().isEmpty());
    }

    @Test
    void aMalformedOfertaDoesNotHideAValidOne() {
        OfertaAplicable badNxm = nxm(4, 3, 0);
        Cotizacion c = quote(CATALOGO, List.of(linea(1, 3)), badNxm, porcentaje(7, "10"));
        assertEquals(7L, onlyLine(c).ofertaId());
        assertMoney("3.00", c.descuentoTotal());
    }
}
