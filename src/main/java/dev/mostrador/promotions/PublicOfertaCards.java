package dev.mostrador.promotions;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.promotions.pricing.ReglaPrecio;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the public page's cards with one query for the names of every product and gift shown. */
public final class PublicOfertaCards {
    /** Names shown per oferta; the rest are counted ("y 12 más"). */
    static final int NAMES_SHOWN = 3;

    private final ProductoRepository productos;
    private final OfertaRows rows;

    public PublicOfertaCards(ProductoRepository productos, OfertaRows rows) {
        this.productos = productos;
        this.rows = rows;
    }

    public List<PublicOfertaCard> of(Tenant tenant, List<Oferta> ofertas, Messages m, OffsetDateTime now) {
        Set<Long> ids = new HashSet<>();
        for (Oferta o : ofertas) {
            // A few more than shown, so inactive ones can be left out and the names still fill.
            ids.addAll(o.productos().subList(0, Math.min(o.productos().size(), NAMES_SHOWN * 2)));
            if (o.regaloProductoId() != null) ids.add(o.regaloProductoId());
        }
        Map<Long, Producto> found = productos.findByIds(tenant.id(), ids);
        Format format = new Format(tenant);
        List<OfertaRow> shown = rows.of(tenant, ofertas, now);
        List<PublicOfertaCard> cards = new ArrayList<>(shown.size());
        for (OfertaRow row : shown) cards.add(card(row, found, format, m));
        return cards;
    }

    private static PublicOfertaCard card(OfertaRow row, Map<Long, Producto> found, Format format, Messages m) {
        Oferta o = row.oferta();
        List<String> names = new ArrayList<>();
        int looked = 0;
        for (Long id : o.productos()) {
            if (names.size() == NAMES_SHOWN) break;
            Producto p = found.get(id);
            if (p == null) break; // past what was fetched: counted as "more"
            looked++;
            if (p.activo()) names.add(p.nombre()); // an inactive product is not sold: not promised either
        }
        int more = o.productos().size() - looked;
        List<String> tiers = o.reglas() == null ? List.of() : o.reglas().stream()
                .sorted(Comparator.comparingInt(ReglaPrecio::cantidad))
                .map(r -> m.t("public.tier", r.cantidad(), format.money(r.precio())))
                .toList();
        String gift = null;
        if (o.regaloProductoId() != null) {
            Producto p = found.get(o.regaloProductoId());
            String name = p == null ? "#" + o.regaloProductoId() : p.nombre();
            gift = o.regaloCantidad() > 1 ? o.regaloCantidad() + " × " + name : name;
        }
        return new PublicOfertaCard(row, names, more, tiers, gift);
    }
}
