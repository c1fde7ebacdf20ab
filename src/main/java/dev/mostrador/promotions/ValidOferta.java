package dev.mostrador.promotions;

import dev.mostrador.promotions.pricing.OfertaTipo;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An oferta whose fields passed every rule; only the fields of its type are set. */
public record ValidOferta(String titulo, String descripcion, OffsetDateTime desde, OffsetDateTime hasta, boolean activa,
                          OfertaTipo tipo, BigDecimal descuentoPorcentaje, List<ReglaPrecio> reglas, Integer compraCantidad,
                          Integer pagaCantidad, Long regaloProductoId, int regaloCantidad, List<Long> productoIds,
                          List<String> productoSkus) {}
