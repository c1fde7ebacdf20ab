package dev.mostrador.inventory;

import dev.mostrador.inventory.StockLedger.Documento;
import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.metrics.BusinessEvents;
import org.jooq.DSLContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reservations with a life (pendiente → confirmada | liberada | expirada), kept as history. Every
 * change takes the products' locks first, in id order, then the reservations' rows: checkouts,
 * confirmations, releases by hand and the expiry job all lock in that one order, so they never
 * deadlock, and the state a reservation ends in is decided under its product's lock, once.
 */
public final class Reservations {
    private final StockLedger ledger;
    private final BusinessEvents.Counter releasedByHand;

    public Reservations(StockLedger ledger, BusinessEvents events) {
        this.ledger = ledger;
        this.releasedByHand = events.counter(RELEASED, RELEASED_HELP, "reason", "by_hand");
    }

    /** Released reservations, by reason: by_hand here, expired by the job ({@link InventoryModule#schedule}). */
    static final String RELEASED = "mostrador.reservations.released";
    static final String RELEASED_HELP = "Reservations released: by hand, or expired by the job";

    /** A reservation that is no longer pending (or past its time) when it was to be sold or released. */
    public static final class NotPending extends RuntimeException {
        public final Reserva reserva;

        public NotPending(Reserva reserva) {
            super("reservation " + reserva.id() + " is " + reserva.estado(), null, false, false);
            this.reserva = reserva;
        }
    }

    /**
     * Reserves every product of {@code units} (product id → units, lines of a product already
     * summed) or none: throws {@link NotEnoughStock} naming each product short. Reservations of these
     * products already past their time are released first, in this transaction, so a checkout never
     * waits for the expiry job. The tenant's TTL sets {@code expires_at}.
     */
    public List<Reserva> reserve(DSLContext tx, UUID tenantId, Map<Long, Integer> units, Long carritoId, Long userId) {
        Map<Long, Stock> stock = lockAvailable(tx, tenantId, units);
        Long[] ids = units.keySet().stream().sorted().toArray(Long[]::new);
        Integer[] qty = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) qty[i] = units.get(ids[i]);
        List<Reserva> made = Jdbc.list(tx, INSERT, row -> reserva(row, stock), tenantId, carritoId, userId, Jdbc.array("bigint", ids),
                Jdbc.array("integer", qty), tenantId);
        ledger.append(tx, tenantId, userId, made.stream()
                .map(r -> new Movimiento(r.productoId(), StockMotivo.RESERVA, 0, r.cantidad(), 0, Documento.reserva(r.id()), null)).toList());
        return made;
    }

    /**
     * Sells {@code units} at once, for an order taken by staff: reserving and confirming in one step,
     * so no reservation row is kept (it would live for no time) and each product moves once
     * ('venta', vendido +n). Same locks, release of expired holds and {@link NotEnoughStock} as
     * {@link #reserve}.
     */
    public void sell(DSLContext tx, UUID tenantId, Map<Long, Integer> units, Long userId, Documento documento) {
        lockAvailable(tx, tenantId, units);
        ledger.append(tx, tenantId, userId, units.entrySet().stream()
                .map(e -> new Movimiento(e.getKey(), StockMotivo.VENTA, 0, 0, e.getValue(), documento, null)).toList());
    }

    /** Locks the products, frees their expired holds, and returns their stock, or throws naming each product short. */
    private Map<Long, Stock> lockAvailable(DSLContext tx, UUID tenantId, Map<Long, Integer> units) {
        Map<Long, Stock> locked = ledger.lock(tx, tenantId, units.keySet());
        Map<Long, Stock> stock = releaseExpiredLocked(tx, tenantId, units.keySet()) > 0 ? ledger.read(tx, tenantId, units.keySet()) : locked;
        List<NotEnoughStock.Shortage> short_ = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : units.entrySet()) {
            Stock s = stock.get(e.getKey());
            if (s == null || !s.activo() || s.disponible() < e.getValue()) {
                short_.add(new NotEnoughStock.Shortage(e.getKey(), s == null ? null : s.sku(), s == null ? null : s.nombre(), e.getValue(),
                        s == null || !s.activo() ? 0 : Math.max(0, s.disponible())));
            }
        }
        if (!short_.isEmpty()) throw new NotEnoughStock(short_);
        return stock;
    }

    /** Marks expirada the pending reservations of these (already locked) products past their time, and frees their units. */
    int releaseExpiredLocked(DSLContext tx, UUID tenantId, Collection<Long> productIds) {
        List<long[]> freed = Jdbc.list(tx, EXPIRE_FOR_PRODUCTS, row -> new long[]{row.getLong(1), row.getLong(2), row.getInt(3)},
                tenantId, Jdbc.array("bigint", productIds.toArray(Long[]::new)));
        ledger.append(tx, tenantId, null, freed.stream().map(Reservations::liberacion).toList());
        return freed.size();
    }

    /** Releases a pending reservation by hand (liberada); empty when the tenant has no such reservation. */
    public Optional<Reserva> release(DSLContext dsl, UUID tenantId, long id, Long userId) {
        Optional<Reserva> released = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Reserva> found = find(tx, tenantId, id);
            if (found.isEmpty()) return Optional.<Reserva>empty();
            ledger.lock(tx, tenantId, List.of(found.get().productoId()));
            List<long[]> freed = Jdbc.list(tx, RELEASE_ONE, row -> new long[]{row.getLong(1), row.getLong(2), row.getInt(3)},
                    userId, tenantId, id);
            if (freed.isEmpty()) throw new NotPending(find(tx, tenantId, id).orElseThrow());
            ledger.append(tx, tenantId, userId, List.of(liberacion(freed.get(0))));
            return find(tx, tenantId, id);
        });
        released.ifPresent(r -> releasedByHand.increment());
        return released;
    }

    /**
     * Sells pending, unexpired reservations (confirmada): their units move from reservado to
     * vendido, each movement linked to {@code documento} (the order). All or none: a reservation
     * already released, expired or past its time throws {@link NotPending}.
     */
    public List<Reserva> confirm(DSLContext tx, UUID tenantId, Collection<Long> reservaIds, Long userId, Documento documento) {
        List<Reserva> wanted = Jdbc.list(tx, SELECT + " WHERE r.tenant_id = ? AND r.id = ANY(?) ORDER BY r.id", Reservations::reserva,
                tenantId, Jdbc.array("bigint", reservaIds.toArray(Long[]::new)));
        ledger.lock(tx, tenantId, wanted.stream().map(Reserva::productoId).toList());
        List<long[]> sold = Jdbc.list(tx, CONFIRM, row -> new long[]{row.getLong(1), row.getLong(2), row.getInt(3)},
                userId, tenantId, Jdbc.array("bigint", reservaIds.toArray(Long[]::new)));
        if (sold.size() != reservaIds.size()) {
            for (Reserva r : wanted) {
                if (sold.stream().noneMatch(s -> s[0] == r.id())) throw new NotPending(find(tx, tenantId, r.id()).orElse(r));
            }
            throw new IllegalArgumentException("unknown reservations among " + reservaIds);
        }
        ledger.append(tx, tenantId, userId, sold.stream()
                .map(s -> new Movimiento(s[1], StockMotivo.VENTA, 0, (int) -s[2], (int) s[2], documento, "Reserva " + s[0])).toList());
        return Jdbc.list(tx, SELECT + " WHERE r.tenant_id = ? AND r.id = ANY(?) ORDER BY r.id", Reservations::reserva,
                tenantId, Jdbc.array("bigint", reservaIds.toArray(Long[]::new)));
    }

    public Optional<Reserva> find(DSLContext ctx, UUID tenantId, long id) {
        return Jdbc.list(ctx, SELECT + " WHERE r.tenant_id = ? AND r.id = ?", Reservations::reserva, tenantId, id).stream().findFirst();
    }

    private static Movimiento liberacion(long[] freed) {
        return new Movimiento(freed[1], StockMotivo.LIBERACION, 0, (int) -freed[2], 0, Documento.reserva(freed[0]), null);
    }

    static Reserva reserva(ResultSet row) throws SQLException {
        return new Reserva(row.getLong("id"), row.getLong("producto_id"), row.getString("nombre"), row.getString("sku"),
                row.getInt("cantidad"), row.getString("estado"), row.getObject("expires_at", java.time.OffsetDateTime.class),
                row.getObject("created_at", java.time.OffsetDateTime.class), row.getObject("closed_at", java.time.OffsetDateTime.class),
                (Long) row.getObject("carrito_id"), (Long) row.getObject("user_id"));
    }

    private static Reserva reserva(ResultSet row, Map<Long, Stock> stock) throws SQLException {
        Stock s = stock.get(row.getLong("producto_id"));
        return new Reserva(row.getLong("id"), row.getLong("producto_id"), s.nombre(), s.sku(), row.getInt("cantidad"), Reserva.PENDIENTE,
                row.getObject("expires_at", java.time.OffsetDateTime.class), row.getObject("created_at", java.time.OffsetDateTime.class),
                null, (Long) row.getObject("carrito_id"), (Long) row.getObject("user_id"));
    }

    static final String SELECT = "SELECT r.id, r.producto_id, p.nombre, p.sku, r.cantidad, r.estado, r.expires_at, r.created_at, r.closed_at, "
            + "r.carrito_id, r.user_id FROM public.reservas r JOIN public.productos p ON p.tenant_id = r.tenant_id AND p.id = r.producto_id";

    private static final String INSERT = "INSERT INTO public.reservas (tenant_id, carrito_id, user_id, producto_id, cantidad, expires_at) "
            + "SELECT ?, ?, ?, u.producto_id, u.cantidad, now() + make_interval(mins => t.reserva_ttl_minutos) "
            + "FROM unnest(?::bigint[], ?::integer[]) AS u(producto_id, cantidad), public.tenants t WHERE t.id = ? "
            + "RETURNING id, producto_id, cantidad, expires_at, created_at, carrito_id, user_id";

    private static final String EXPIRE_FOR_PRODUCTS = "UPDATE public.reservas SET estado = 'expirada', closed_at = now() "
            + "WHERE tenant_id = ? AND producto_id = ANY(?) AND estado = 'pendiente' AND expires_at <= now() RETURNING id, producto_id, cantidad";

    private static final String RELEASE_ONE = "UPDATE public.reservas SET estado = 'liberada', closed_at = now(), closed_by = ? "
            + "WHERE tenant_id = ? AND id = ? AND estado = 'pendiente' RETURNING id, producto_id, cantidad";

    private static final String CONFIRM = "UPDATE public.reservas SET estado = 'confirmada', closed_at = now(), closed_by = ? "
            + "WHERE tenant_id = ? AND id = ANY(?) AND estado = 'pendiente' AND expires_at > now() RETURNING id, producto_id, cantidad";
}
