package dev.mostrador.promotions;

import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.Format;
import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.LineaPedido;
import dev.mostrador.promotions.pricing.Moneda;
import dev.mostrador.promotions.pricing.PricingEngine;
import dev.mostrador.promotions.pricing.ProductoCotizable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prices a cart with the tenant's active ofertas: one product query, the ofertas from the cache. */
public final class Cotizador {
    public static final int MAX_LINES = 500;
    private final ProductoRepository productos;
    private final ActiveOfertaCache active;
    private final PricingEngine engine = new PricingEngine();

    public Cotizador(ProductoRepository productos, ActiveOfertaCache active) {
        this.productos = productos;
        this.active = active;
    }

    /** The quote, or the index of each line whose product is unknown or inactive in this tenant. */
    public record Result(Cotizacion cotizacion, Map<Integer, Long> productosInvalidos) {}

    public Result quote(Tenant tenant, List<LineaPedido> lines) {
        ActiveOfertaCache.View view = active.now(tenant);
        Set<Long> ids = new HashSet<>();
        lines.forEach(l -> ids.add(l.productoId()));
        // The gift products of the regalo ofertas this cart may trigger, not of every active one:
        // with hundreds of active ofertas those were most of the query. A superset of what the
        // engine triggers (it also drops quantity-0 lines), so every gift it hands out is loaded.
        ids.addAll(view.forPricing().possibleGifts(Set.copyOf(ids)));
        Map<Long, ProductoCotizable> catalog = new HashMap<>();
        productos.prices(tenant.id(), ids, ProductoCotizable::new).forEach(p -> catalog.put(p.id(), p));
        Map<Integer, Long> invalid = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ProductoCotizable p = catalog.get(lines.get(i).productoId());
            if (lines.get(i).cantidad() > 0 && (p == null || !p.activo())) invalid.put(i, lines.get(i).productoId());
        }
        if (!invalid.isEmpty()) return new Result(null, invalid);
        return new Result(engine.quote(lines, catalog, view.forPricing(), moneda(tenant)), Map.of());
    }

    /** The tenant's currency: amounts rounded to its minor unit and written as its pages write money. */
    static Moneda moneda(Tenant tenant) {
        Format format = new Format(tenant);
        return new Moneda(format.minorUnit(), format::money);
    }
}
