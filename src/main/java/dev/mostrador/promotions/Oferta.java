package dev.mostrador.promotions;

import dev.mostrador.promotions.pricing.OfertaTipo;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;

/**
 * A stored oferta with everything the admin sees. The pricing engine gets the slimmer
 * {@link dev.mostrador.promotions.pricing.OfertaAplicable} through {@link #toPricing()}.
 */
public record Oferta(long id, String titulo, String descripcion, OffsetDateTime desde, OffsetDateTime hasta,
                     boolean activa, OfertaTipo tipo, BigDecimal descuentoPorcentaje, List<ReglaPrecio> reglas,
                     Integer compraCantidad, Integer pagaCantidad, Long regaloProductoId, int regaloCantidad,
                     List<Long> productos) {

    public enum Estado {
        ACTIVA("badge-ok"), PROGRAMADA("badge-info"), VENCIDA("badge-warn"), INACTIVA("badge-off");

        private final String badgeClass;

        Estado(String badgeClass) {
            this.badgeClass = badgeClass;
        }

        public String code() {
            return name().toLowerCase();
        }

        public String badgeClass() {
            return badgeClass;
        }
    }

    /** Active now = activa and desde ≤ now ≤ hasta. */
    public Estado estado(OffsetDateTime now) {
        if (!activa) return Estado.INACTIVA;
        if (now.isBefore(desde)) return Estado.PROGRAMADA;
        if (now.isAfter(hasta)) return Estado.VENCIDA;
        return Estado.ACTIVA;
    }

    public boolean activaAhora(OffsetDateTime now) {
        return estado(now) == Estado.ACTIVA;
    }

    public dev.mostrador.promotions.pricing.OfertaAplicable toPricing() {
        return new dev.mostrador.promotions.pricing.OfertaAplicable(id, titulo, tipo, descuentoPorcentaje,
                reglas == null ? List.of() : reglas, compraCantidad, pagaCantidad, regaloProductoId, regaloCantidad,
                hasta, new HashSet<>(productos));
    }
}
