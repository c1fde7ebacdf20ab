package dev.mostrador.inventory;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Carts and their lines (one per product), always of one tenant's staff user; every query takes the tenant. */
final class CartRepository {
    /** A cart row: {@code estado} abierto while it is being built, reservado once checked out. */
    record CartRow(long id, long userId, Long customerId, String customerName, String estado) {}

    record CartItem(long productoId, int cantidad) {}

    Optional<CartRow> open(DSLContext ctx, UUID tenantId, long userId) {
        return Jdbc.list(ctx, SELECT + " WHERE c.tenant_id = ? AND c.user_id = ? AND c.estado = 'abierto'", CartRepository::row,
                tenantId, userId).stream().findFirst();
    }

    /**
     * The user's open cart, made if there is none, locked until the transaction ends: a checkout
     * marks it under the same lock, so no line is added to a cart whose stock is being reserved.
     */
    CartRow openLocked(DSLContext tx, UUID tenantId, long userId) {
        Jdbc.execute(tx, "INSERT INTO public.carritos (tenant_id, user_id) VALUES (?, ?) "
                + "ON CONFLICT (tenant_id, user_id) WHERE estado = 'abierto' DO NOTHING", tenantId, userId);
        return Jdbc.list(tx, SELECT + " WHERE c.tenant_id = ? AND c.user_id = ? AND c.estado = 'abierto' FOR UPDATE OF c",
                CartRepository::row, tenantId, userId).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("open cart vanished"));
    }

    List<CartItem> items(DSLContext ctx, UUID tenantId, long cartId) {
        return Jdbc.list(ctx, "SELECT producto_id, cantidad FROM public.carrito_items WHERE tenant_id = ? AND carrito_id = ? "
                + "ORDER BY added_at, producto_id", r -> new CartItem(r.getLong(1), r.getInt(2)), tenantId, cartId);
    }

    int units(DSLContext ctx, UUID tenantId, long cartId, long productId) {
        return Jdbc.list(ctx, "SELECT cantidad FROM public.carrito_items WHERE tenant_id = ? AND carrito_id = ? AND producto_id = ?",
                r -> r.getInt(1), tenantId, cartId, productId).stream().findFirst().orElse(0);
    }

    void put(DSLContext tx, UUID tenantId, long cartId, long productId, int units) {
        Jdbc.execute(tx, "INSERT INTO public.carrito_items (tenant_id, carrito_id, producto_id, cantidad) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id, carrito_id, producto_id) DO UPDATE SET cantidad = EXCLUDED.cantidad", tenantId, cartId, productId, units);
        touch(tx, tenantId, cartId);
    }

    boolean remove(DSLContext tx, UUID tenantId, long cartId, long productId) {
        boolean removed = !Jdbc.list(tx, "DELETE FROM public.carrito_items WHERE tenant_id = ? AND carrito_id = ? AND producto_id = ? "
                + "RETURNING producto_id", r -> r.getLong(1), tenantId, cartId, productId).isEmpty();
        touch(tx, tenantId, cartId);
        return removed;
    }

    void empty(DSLContext tx, UUID tenantId, long cartId) {
        Jdbc.execute(tx, "DELETE FROM public.carrito_items WHERE tenant_id = ? AND carrito_id = ?", tenantId, cartId);
        touch(tx, tenantId, cartId);
    }

    void assignCustomer(DSLContext tx, UUID tenantId, long cartId, Long customerId) {
        Jdbc.execute(tx, "UPDATE public.carritos SET customer_id = ?, updated_at = now() WHERE tenant_id = ? AND id = ?",
                customerId, tenantId, cartId);
    }

    /** Checks the user's open cart out, once: the conditional UPDATE is what makes a second checkout of it a conflict. */
    Optional<Long> markReserved(DSLContext tx, UUID tenantId, long userId) {
        return Jdbc.list(tx, "UPDATE public.carritos SET estado = 'reservado', reservado_at = now(), updated_at = now() "
                + "WHERE tenant_id = ? AND user_id = ? AND estado = 'abierto' RETURNING id", r -> r.getLong(1), tenantId, userId)
                .stream().findFirst();
    }

    boolean anyReserved(DSLContext ctx, UUID tenantId, long userId) {
        return !Jdbc.list(ctx, "SELECT 1 FROM public.carritos WHERE tenant_id = ? AND user_id = ? AND estado = 'reservado' LIMIT 1",
                r -> r.getInt(1), tenantId, userId).isEmpty();
    }

    int reservaTtlMinutos(DSLContext ctx, UUID tenantId) {
        return Jdbc.list(ctx, "SELECT reserva_ttl_minutos FROM public.tenants WHERE id = ?", r -> r.getInt(1), tenantId).get(0);
    }

    private void touch(DSLContext tx, UUID tenantId, long cartId) {
        Jdbc.execute(tx, "UPDATE public.carritos SET updated_at = now() WHERE tenant_id = ? AND id = ?", tenantId, cartId);
    }

    private static CartRow row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new CartRow(r.getLong(1), r.getLong(2), (Long) r.getObject(3), r.getString(4), r.getString(5));
    }

    private static final String SELECT = "SELECT c.id, c.user_id, c.customer_id, cu.name, c.estado FROM public.carritos c "
            + "LEFT JOIN public.customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id";
}
