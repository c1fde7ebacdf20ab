package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.mostrador.promotions.pricing.PricingFixtures.catalogo;
import static dev.mostrador.promotions.pricing.PricingFixtures.linea;
import static dev.mostrador.promotions.pricing.PricingFixtures.nxm;
import static dev.mostrador.promotions.pricing.PricingFixtures.porcentaje;
import static dev.mostrador.promotions.pricing.PricingFixtures.precioCantidad;
import static dev.mostrador.promotions.pricing.PricingFixtures.producto;
import static dev.mostrador.promotions.pricing.PricingFixtures.regla;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: "3 × 1990.50 = 5.972, discount 1.990, net 3.981". Every amount of a quote is rounded
 * to the currency's minor unit where the engine rounds, so each line and the totals add up as shown.
 */
class MinorUnitTest {
    private static final Moneda CLP = new Moneda(0, a -> "$ " + a.toPlainString());
    private static final Moneda UYU = new Moneda(2, a -> "$ " + a.toPlainString());

    @Test
    void theIssuesCartAddsUpInPesosChilenos() {
        Map<Long, ProductoCotizable> catalogo = catalogo(producto(1, "1990.50"));
        Cotizacion c = new PricingEngine().quote(List.of(linea(1, 3)), catalogo, List.of(nxm(7, 3, 2)), CLP);
        LineaCotizada l = c.lineas().get(0);
        assertEquals(new BigDecimal("5972"), l.bruto(), "5971.50 rounds half up to 5972");
        assertEquals(new BigDecimal("1991"), l.descuento(), "one unit free: 1990.50 rounds to 1991");
        assertEquals(new BigDecimal("3981"), l.neto());
        assertEquals(new BigDecimal("1991"), l.precioUnitario());
        assertAddsUp(c, 0);
    }

    @Test
    void everyQuoteAddsUpInPesosChilenosAndInPesosUruguayos() {
        Random random = new Random(10);
        for (Moneda moneda : List.of(CLP, UYU)) {
            for (int cart = 0; cart < 300; cart++) {
                List<ProductoCotizable> productos = new ArrayList<>();
                List<LineaPedido> lineas = new ArrayList<>();
                for (long id = 1; id <= 1 + random.nextInt(6); id++) {
                    // Prices with cents even in CLP: data stored before prices were checked must still add up.
                    productos.add(producto(id, BigDecimal.valueOf(random.nextInt(5_000_000), 2).toPlainString()));
                    lineas.add(linea(id, 1 + random.nextInt(12)));
                }
                List<OfertaAplicable> ofertas = List.of(
                        porcentaje(1, BigDecimal.valueOf(1 + random.nextInt(9999), 2).toPlainString(), 1L, 2L),
                        nxm(2, 3, 2, 3L),
                        precioCantidad(3, List.of(regla(2, BigDecimal.valueOf(random.nextInt(2_000_000), 2).toPlainString())), 4L, 5L),
                        porcentaje(4, "33.33", 6L));
                Cotizacion c = new PricingEngine().quote(lineas, catalogo(productos.toArray(ProductoCotizable[]::new)), ofertas, moneda);
                assertAddsUp(c, moneda.decimales());
            }
        }
    }

    @Test
    void explanationsWriteAmountsAsTheCallerWritesMoney() {
        Map<Long, ProductoCotizable> catalogo = catalogo(producto(1, "12990"), producto(2, "1290"));
        Cotizacion c = new PricingEngine().quote(List.of(linea(1, 3), linea(2, 5)), catalogo,
                List.of(porcentaje(1, "15", 1L), precioCantidad(2, List.of(regla(5, "990")), 2L)), CLP);
        List<String> detalles = c.explicaciones().stream().map(PricingFixtures::detalle).toList();
        assertTrue(detalles.contains("15% de descuento sobre $ 38970"), detalles.toString());
        assertTrue(detalles.contains("Desde 5 unidades: $ 990 c/u en lugar de $ 1290"), detalles.toString());
    }

    /** Each line's gross − discount = net, at the currency's scale; the totals are the sums of the lines. */
    static void assertAddsUp(Cotizacion c, int scale) {
        BigDecimal bruto = BigDecimal.ZERO;
        BigDecimal descuento = BigDecimal.ZERO;
        BigDecimal neto = BigDecimal.ZERO;
        for (LineaCotizada l : c.lineas()) {
            for (BigDecimal amount : List.of(l.precioUnitario(), l.bruto(), l.descuento(), l.neto())) {
                assertEquals(scale, amount.scale(), "rounded to the minor unit: " + l);
            }
            assertEquals(l.neto(), l.bruto().subtract(l.descuento()), l.toString());
            bruto = bruto.add(l.bruto());
            descuento = descuento.add(l.descuento());
            neto = neto.add(l.neto());
        }
        assertEquals(0, bruto.compareTo(c.subtotal()));
        assertEquals(0, descuento.compareTo(c.descuentoTotal()));
        assertEquals(0, neto.compareTo(c.total()));
        assertEquals(c.total(), c.subtotal().subtract(c.descuentoTotal()));
        assertEquals(scale, c.total().scale());
    }
}
