package dev.mostrador.promotions;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Saving ofertas: validation, the product references of the same tenant, one transaction, cache drop. */
public final class OfertaService {
    private final DSLContext dsl;
    private final OfertaRepository ofertas;
    private final ProductoRepository productos;
    private final ActiveOfertaCache active;

    public OfertaService(DSLContext dsl, OfertaRepository ofertas, ProductoRepository productos, ActiveOfertaCache active) {
        this.dsl = dsl;
        this.ofertas = ofertas;
        this.productos = productos;
        this.active = active;
    }

    /** The saved oferta's id, or the field errors. */
    public record Result(Long id, FieldErrors errors) {
        public boolean ok() {
            return id != null;
        }
    }

    /** {@code money} reads the amounts: the tenant's writing from a form, {@link Format#forApi} from JSON. */
    public Result save(Tenant tenant, Long id, OfertaInput input, Messages m, Format money) {
        OfertaValidator.Result checked = OfertaValidator.validate(input, m, tenant.zone(), money);
        if (!checked.errors().isEmpty()) return new Result(null, checked.errors());
        ValidOferta o = checked.oferta();
        FieldErrors errors = new FieldErrors();
        List<Long> productIds = resolveProductos(tenant.id(), o, m, errors);
        if (o.regaloProductoId() != null) {
            Producto gift = productos.findByIds(tenant.id(), List.of(o.regaloProductoId())).get(o.regaloProductoId());
            if (gift == null || !gift.activo()) errors.add("regalo_producto_id", m.t("ofertas.v.regalo_inexistente", o.regaloProductoId()));
        }
        if (!errors.isEmpty()) return new Result(null, errors);
        Long saved = dsl.transactionResult(cfg -> {
            if (id == null) return ofertas.insert(cfg.dsl(), tenant.id(), o, productIds);
            return ofertas.update(cfg.dsl(), tenant.id(), id, o, productIds) ? id : null;
        });
        active.invalidate(tenant.id());
        return new Result(saved, errors);
    }

    public boolean delete(UUID tenantId, long id) {
        boolean deleted = ofertas.delete(tenantId, id);
        active.invalidate(tenantId);
        return deleted;
    }

    private List<Long> resolveProductos(UUID tenantId, ValidOferta o, Messages m, FieldErrors errors) {
        Set<Long> ids = new LinkedHashSet<>(o.productoIds());
        Map<Long, Producto> found = productos.findByIds(tenantId, ids);
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) errors.add("productos", m.t("ofertas.v.productos_inexistentes", missing));
        if (!o.productoSkus().isEmpty()) {
            Map<String, Producto> bySku = productos.findBySkus(tenantId, o.productoSkus());
            List<String> unknown = new ArrayList<>();
            for (String sku : o.productoSkus()) {
                Producto p = bySku.get(sku.toLowerCase());
                if (p == null) unknown.add(sku);
                else ids.add(p.id());
            }
            if (!unknown.isEmpty()) errors.add("productos", m.t("ofertas.v.skus_inexistentes", String.join(", ", unknown)));
        }
        return List.copyOf(ids);
    }
}
