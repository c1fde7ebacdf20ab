package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.promotions.pricing.LineaPedido;
import org.jooq.DSLContext;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What placing an order reads of the staff user's carts, their reservations, and the tenant's customers and products. */
final class OrderCarts {
    record Cart(long id, Long customerId) {}

    boolean openWithItems(DSLContext tx, UUID tenantId, long userId) {
        return !Jdbc.list(tx, "SELECT 1 FROM public.carritos c WHERE c.tenant_id = ? AND c.user_id = ? AND c.estado = 'abierto' "
                + "AND EXISTS (SELECT 1 FROM public.carrito_items i WHERE i.tenant_id = c.tenant_id AND i.carrito_id = c.id)",
                r -> r.getInt(1), tenantId, userId).isEmpty();
    }

    Cart find(DSLContext tx, UUID tenantId, long cartId) {
        return Jdbc.list(tx, "SELECT id, customer_id FROM public.carritos WHERE tenant_id = ? AND id = ?",
                r -> new Cart(r.getLong(1), (Long) r.getObject(2)), tenantId, cartId).get(0);
    }

    /** The user's latest checked-out cart that is no order yet, locked: two placements of it take turns. */
    Optional<Cart> lastReservedNotOrdered(DSLContext tx, UUID tenantId, long userId) {
        return Jdbc.list(tx, "SELECT c.id, c.customer_id FROM public.carritos c WHERE c.tenant_id = ? AND c.user_id = ? AND c.estado = 'reservado' "
                        + "AND NOT EXISTS (SELECT 1 FROM public.pedidos p WHERE p.tenant_id = c.tenant_id AND p.carrito_id = c.id) "
                        + "ORDER BY c.reservado_at DESC, c.id DESC LIMIT 1 FOR UPDATE OF c",
                r -> new Cart(r.getLong(1), (Long) r.getObject(2)), tenantId, userId).stream().findFirst();
    }

    /** Whether the cart is already an order: asked again once the cart is locked, so a placement that waited sees the one before it. */
    boolean ordered(DSLContext tx, UUID tenantId, long cartId) {
        return !Jdbc.list(tx, "SELECT 1 FROM public.pedidos WHERE tenant_id = ? AND carrito_id = ?", r -> r.getInt(1), tenantId, cartId).isEmpty();
    }

    /** The cart's reservations when every one is pending and alive; empty when any expired or was released (or it has none). */
    Optional<List<Long>> aliveReservations(DSLContext tx, UUID tenantId, long cartId) {
        List<Object[]> rows = Jdbc.list(tx, "SELECT id, estado = 'pendiente' AND expires_at > now() FROM public.reservas "
                + "WHERE tenant_id = ? AND carrito_id = ? ORDER BY id", r -> new Object[]{r.getLong(1), r.getBoolean(2)}, tenantId, cartId);
        if (rows.isEmpty() || rows.stream().anyMatch(r -> !(Boolean) r[1])) return Optional.empty();
        return Optional.of(rows.stream().map(r -> (Long) r[0]).toList());
    }

    Map<Long, Integer> reservedUnits(DSLContext tx, UUID tenantId, long cartId) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        Jdbc.list(tx, "SELECT producto_id, sum(cantidad)::int FROM public.reservas WHERE tenant_id = ? AND carrito_id = ? AND estado = 'pendiente' "
                + "GROUP BY producto_id", r -> units.put(r.getLong(1), r.getInt(2)), tenantId, cartId);
        return units;
    }

    List<LineaPedido> items(DSLContext tx, UUID tenantId, long cartId) {
        return Jdbc.list(tx, "SELECT producto_id, cantidad FROM public.carrito_items WHERE tenant_id = ? AND carrito_id = ? "
                + "ORDER BY added_at, producto_id", r -> new LineaPedido(r.getLong(1), r.getInt(2)), tenantId, cartId);
    }

    boolean customerExists(DSLContext tx, UUID tenantId, long customerId) {
        return !Jdbc.list(tx, "SELECT 1 FROM public.customers WHERE tenant_id = ? AND id = ?", r -> r.getInt(1), tenantId, customerId).isEmpty();
    }

    Set<Long> knownProducts(DSLContext tx, UUID tenantId, List<Long> ids) {
        return new HashSet<>(Jdbc.list(tx, "SELECT id FROM public.productos WHERE tenant_id = ? AND id = ANY(?)", r -> r.getLong(1),
                tenantId, Jdbc.array("bigint", ids.toArray(Long[]::new))));
    }
}
