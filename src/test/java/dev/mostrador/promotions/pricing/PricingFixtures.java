package dev.mostrador.promotions.pricing;

import dev.mostrador.platform.web.Messages;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Small builders so each test states only the numbers it is about. */
final class PricingFixtures {

    /** Default end date of test ofertas; tie-break tests override it. */
    static final OffsetDateTime HASTA = OffsetDateTime.parse("2026-02-28T23:59:59-03:00");

    private PricingFixtures() {}

    static ProductoCotizable producto(long id, String precio) {
        return new ProductoCotizable(id, "SKU-" + id, "Producto " + id, new BigDecimal(precio), true);
    }

    static ProductoCotizable producto(long id, String nombre, String precio, boolean activo) {
        return new ProductoCotizable(id, "SKU-" + id, nombre, new BigDecimal(precio), activo);
    }

    static Map<Long, ProductoCotizable> catalogo(ProductoCotizable... productos) {
        Map<Long, ProductoCotizable> byId = new LinkedHashMap<>();
        for (ProductoCotizable p : productos) byId.put(p.id(), p);
        return byId;
    }

    static LineaPedido linea(long productoId, int cantidad) {
        return new LineaPedido(productoId, cantidad);
    }

    static ReglaPrecio regla(int cantidad, String precio) {
        return new ReglaPrecio(cantidad, new BigDecimal(precio));
    }

    static OfertaAplicable porcentaje(long id, String pct, Long... productos) {
        return new OfertaAplicable(id, pct + "% off", OfertaTipo.PORCENTAJE, new BigDecimal(pct), null, null, null,
                null, 0, HASTA, set(productos));
    }

    static OfertaAplicable precioCantidad(long id, List<ReglaPrecio> reglas, Long... productos) {
        return new OfertaAplicable(id, "Precio por cantidad", OfertaTipo.PRECIO_CANTIDAD, null, reglas, null, null,
                null, 0, HASTA, set(productos));
    }

    static OfertaAplicable nxm(long id, int n, int m, Long... productos) {
        return new OfertaAplicable(id, n + "x" + m, OfertaTipo.NXM, null, null, n, m, null, 0, HASTA, set(productos));
    }

    static OfertaAplicable regalo(long id, long regaloProductoId, int regaloCantidad, Long... productos) {
        return new OfertaAplicable(id, "Regalo " + id, OfertaTipo.REGALO, null, null, null, null, regaloProductoId,
                regaloCantidad, HASTA, set(productos));
    }

    static OfertaAplicable conHasta(OfertaAplicable o, String hasta) {
        return new OfertaAplicable(o.id(), o.titulo(), o.tipo(), o.descuentoPorcentaje(), o.reglas(), o.compraCantidad(),
                o.pagaCantidad(), o.regaloProductoId(), o.regaloCantidad(),
                hasta == null ? null : OffsetDateTime.parse(hasta), o.productos());
    }

    static OfertaAplicable conTitulo(OfertaAplicable o, String titulo) {
        return new OfertaAplicable(o.id(), titulo, o.tipo(), o.descuentoPorcentaje(), o.reglas(), o.compraCantidad(),
                o.pagaCantidad(), o.regaloProductoId(), o.regaloCantidad(), o.hasta(), o.productos());
    }

    static Cotizacion quote(Map<Long, ProductoCotizable> catalogo, List<LineaPedido> lines, OfertaAplicable... ofertas) {
        return new PricingEngine().quote(lines, catalogo, List.of(ofertas));
    }

    static LineaCotizada onlyLine(Cotizacion c) {
        assertEquals(1, c.lineas().size(), "lines: " + c.lineas());
        return c.lineas().get(0);
    }

    static LineaCotizada lineFor(Cotizacion c, long productoId) {
        return c.lineas().stream().filter(l -> l.productoId() == productoId).findFirst()
                .orElseThrow(() -> new AssertionError("no line for product " + productoId + ": " + c.lineas()));
    }

    /** The single explanation for this oferta on this line (productoId null: cart-level). */
    static Explicacion explanation(Cotizacion c, long ofertaId, Long productoId) {
        List<Explicacion> found = c.explicaciones().stream()
                .filter(e -> e.ofertaId() == ofertaId && java.util.Objects.equals(e.productoId(), productoId))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            fail("expected one explanation for oferta " + ofertaId + " / " + productoId + ": " + c.explicaciones());
        }
        return found.get(0);
    }

    /** Exact amount and scale: "15.00" does not equal 15 or 15.000. */
    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    static void assertExplained(Explicacion e, boolean aplicada, String motivo, String detalle) {
        assertEquals(aplicada, e.aplicada(), () -> "aplicada of " + e);
        assertEquals(motivo, e.motivo(), () -> "motivo of " + e);
        if (detalle != null) assertEquals(detalle, detalle(e), () -> "detalle of " + e);
    }

    /** The explanation as a Spanish page writes it: the engine hands over a key and its arguments. */
    static String detalle(Explicacion e) {
        return ES.t(e.detalle().clave(), e.detalle().args());
    }

    private static final Messages ES = Messages.of("es");

    private static Set<Long> set(Long... ids) {
        return Set.copyOf(Arrays.asList(ids));
    }
}
