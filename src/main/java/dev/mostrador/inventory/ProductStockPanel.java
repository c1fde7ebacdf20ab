package dev.mostrador.inventory;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoPageParts;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/**
 * The inventory's part of a product's page: its counters, its latest movements and its pending
 * reservations, with Entrada / Ajuste for those who may write. Handed to the catalog at wiring
 * time, so the catalog imports nothing of the inventory (which reads the catalog).
 */
public final class ProductStockPanel implements ProductoPageParts {
    static final int LATEST = 10;
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final StockOperations operations;
    private final StockMovements movements;

    public ProductStockPanel(DSLContext dsl, Web web, Templates templates, StockOperations operations, StockMovements movements) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.operations = operations;
        this.movements = movements;
    }

    @Override
    public Parts of(Context ctx, Producto producto) {
        PageContext page = web.page(ctx);
        UUID tenantId = Web.user(ctx).tenantId();
        Stock stock = operations.byId(dsl, tenantId, producto.id()).orElseThrow();
        StockMovements.Page latest = movements.page(dsl, tenantId, StockMovements.Filter.of(producto.id()), null, LATEST);
        List<Reserva> pending = pending(tenantId, producto.id());
        boolean writer = !page.is(Role.VENDEDOR);
        return new Parts(templates.inventoryProductActions(page, stock, writer),
                templates.inventoryProductPanel(page, stock, latest.rows(), latest.nextBefore() != null, pending));
    }

    /** Pending reservations of the product, the soonest to expire first (index reservas_producto_idx). */
    List<Reserva> pending(UUID tenantId, long productoId) {
        return Jdbc.list(dsl, Reservations.SELECT + " WHERE r.tenant_id = ? AND r.producto_id = ? AND r.estado = 'pendiente' "
                + "ORDER BY r.expires_at LIMIT 50", Reservations::reserva, tenantId, productoId);
    }
}
