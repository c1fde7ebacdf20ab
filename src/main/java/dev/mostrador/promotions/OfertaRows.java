package dev.mostrador.promotions;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.Format;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Ofertas with their badge and state, for lists, the dashboard banner and the public page. */
public final class OfertaRows {
    private final ProductoRepository productos;

    public OfertaRows(ProductoRepository productos) {
        this.productos = productos;
    }

    /** Gift names come from one query for all the rows. */
    public List<OfertaRow> of(Tenant tenant, List<Oferta> ofertas, OffsetDateTime now) {
        List<Long> giftIds = ofertas.stream().map(Oferta::regaloProductoId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Producto> gifts = productos.findByIds(tenant.id(), giftIds);
        Format format = new Format(tenant);
        return ofertas.stream().map(o -> {
            Producto gift = o.regaloProductoId() == null ? null : gifts.get(o.regaloProductoId());
            return new OfertaRow(o, OfertaBadge.of(o, format, gift == null ? null : gift.nombre()), o.estado(now));
        }).toList();
    }
}
