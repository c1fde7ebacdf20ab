package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.mostrador.promotions.pricing.PricingFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index walks whichever is smaller, the oferta's products or the cart; both walks must agree. */
class OfertaIndexTest {

    private static final List<CartLine> CART = List.of(
            CartLine.of(producto(1, "1.00"), 1, Moneda.CENTAVOS), CartLine.of(producto(2, "1.00"), 1, Moneda.CENTAVOS), CartLine.of(producto(3, "1.00"), 1, Moneda.CENTAVOS));

    @Test
    void smallProductSetIsMatchedAgainstTheCart() {
        OfertaAplicable few = porcentaje(1, "10", 2L, 40L);
        OfertaIndex index = OfertaIndex.build(CART, List.of(few));
        assertEquals(List.of(), index.candidates(1));
        assertEquals(List.of(few), index.candidates(2));
        assertEquals(List.of(), index.withoutLine());
    }

    @Test
    void largeProductSetIsProbedFromTheCart() {
        Set<Long> many = LongStream.rangeClosed(3, 500).boxed().collect(Collectors.toSet());
        OfertaAplicable big = new OfertaAplicable(1, "Muchos", OfertaTipo.NXM, null, null, 3, 2, null, 0, HASTA, many);
        OfertaIndex index = OfertaIndex.build(CART, List.of(big));
        assertEquals(List.of(), index.candidates(2));
        assertEquals(List.of(big), index.candidates(3));
    }

    @Test
    void unmatchedOfertasOfBothSizesAreListedAsWithoutLine() {
        Set<Long> many = LongStream.rangeClosed(100, 200).boxed().collect(Collectors.toSet());
        OfertaAplicable big = new OfertaAplicable(1, "Muchos", OfertaTipo.NXM, null, null, 3, 2, null, 0, HASTA, many);
        OfertaAplicable small = porcentaje(2, "10", 50L);
        assertEquals(List.of(big, small), OfertaIndex.build(CART, List.of(big, small)).withoutLine());
    }

    @Test
    void candidatesKeepTheInputOrderAndGlobalOfertasReachEveryLine() {
        OfertaAplicable a = porcentaje(9, "10", 1L);
        OfertaAplicable global = porcentaje(4, "5");
        OfertaAplicable b = nxm(6, 3, 2, 1L, 3L);
        OfertaIndex index = OfertaIndex.build(CART, List.of(a, global, b));
        assertEquals(List.of(a, global, b), index.candidates(1));
        assertEquals(List.of(global), index.candidates(2));
        assertEquals(List.of(global, b), index.candidates(3));
    }

    @Test
    void regalosAreKeptApartWithTheirTrigger() {
        OfertaAplicable any = regalo(1, 99, 1);
        OfertaAplicable absent = regalo(2, 99, 1, 70L);
        OfertaAplicable present = regalo(3, 99, 1, 3L);
        OfertaIndex index = OfertaIndex.build(CART, List.of(any, absent, present));
        assertEquals(List.of(new OfertaIndex.RegaloCandidate(any, true), new OfertaIndex.RegaloCandidate(absent, false),
                new OfertaIndex.RegaloCandidate(present, true)), index.regalos());
        assertEquals(List.of(), index.candidates(3));
    }

    @Test
    void regaloWithManyProductsIsProbedFromTheCart() {
        Set<Long> many = LongStream.rangeClosed(2, 50).boxed().collect(Collectors.toSet());
        OfertaAplicable big = new OfertaAplicable(1, "Regalo", OfertaTipo.REGALO, null, null, null, null, 99L, 1, HASTA, many);
        assertEquals(List.of(new OfertaIndex.RegaloCandidate(big, true)), OfertaIndex.build(CART, List.of(big)).regalos());
    }
}
