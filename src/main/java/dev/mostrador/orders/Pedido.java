package dev.mostrador.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as placed: who it is for and who took it, its frozen lines, its totals (sums of the
 * rounded lines), the lümis it earned, and its history. The number staff read is the id.
 */
public record Pedido(long id, String estado, Long customerId, String customerName, long userId, String userName,
                     Long repartidorId, String repartidorName, Long carritoId, String direccion, String telefono, String nota,
                     String moneda, BigDecimal subtotal, BigDecimal descuento, BigDecimal total, int lumisAcreditados,
                     int lumisNoDevueltos, OffsetDateTime createdAt, OffsetDateTime entregadoAt, List<Linea> lineas, List<Evento> eventos) {

    public static final String CONFIRMADO = "confirmado";
    public static final String EN_REPARTO = "en_reparto";
    public static final String ENTREGADO = "entregado";
    public static final String CANCELADO = "cancelado";
    public static final String DEVUELTO = "devuelto";

    /** A line as it was sold: copies of the product and the oferta, never read back from them. */
    public record Linea(int linea, long productoId, String sku, String nombre, BigDecimal precioLista, int cantidad, Long ofertaId,
                        String ofertaTitulo, String ofertaTipo, String explicacion, BigDecimal descuento, BigDecimal neto, boolean regalo) {}

    /** One step of the history: from which state to which, who and when ({@code desde} null for the placement). */
    public record Evento(long id, String desde, String hacia, Long userId, String userName, String nota, OffsetDateTime createdAt) {}

    public boolean puedeAsignar() {
        return estado.equals(CONFIRMADO) || estado.equals(EN_REPARTO);
    }

    public boolean puedeEntregar() {
        return puedeAsignar();
    }

    public boolean puedeCancelar() {
        return puedeAsignar();
    }

    public boolean puedeDevolver() {
        return estado.equals(ENTREGADO);
    }
}
