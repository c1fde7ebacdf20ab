package dev.mostrador.inventory;

import dev.mostrador.platform.web.Format;

import java.time.OffsetDateTime;

/** One row of the movements ledger as shown: the product, the reason, the document, who and when, the change of each counter. */
public record MovimientoRow(long id, long productoId, String sku, String nombre, String motivo, int deltaTotal, int deltaReservado,
                            int deltaVendido, String documentoTipo, Long documentoId, String actor, String nota, OffsetDateTime createdAt) {
    /** The change of what can be sold: total minus reserved minus sold. */
    public int deltaDisponible() {
        return deltaTotal - deltaReservado - deltaVendido;
    }

    /** A change as shown: "+5", "−3", "0", with the tenant's digits. */
    public static String signed(int delta, Format format) {
        return delta > 0 ? "+" + format.number(delta) : delta < 0 ? "\u2212" + format.number(-(long) delta) : "0";
    }
}
