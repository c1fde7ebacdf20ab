package dev.mostrador.inventory;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The tenant's reservations, newest first, filtered as the seed's monitoring queries filter them. */
public final class ReservationQuery {
    public static final Set<String> ESTADOS = Set.of("pendiente", "confirmada", "liberada", "expirada");
    public static final int MAX_EXPIRING_WITHIN = 1440;

    /**
     * {@code estado} one of {@link #ESTADOS} or null for all; {@code expiringWithin} minutes keeps
     * pending ones whose time runs out by then (already past included, as the job may not have run).
     */
    public record Filter(String estado, Long productoId, Integer expiringWithin, Long carritoId) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private final DSLContext dsl;

    public ReservationQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Reserva> list(UUID tenantId, Filter f, int limit, int offset) {
        List<Object> binds = new ArrayList<>();
        String where = where(tenantId, f, binds);
        binds.add(limit);
        binds.add(offset);
        return Jdbc.list(dsl, Reservations.SELECT + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", Reservations::reserva, binds.toArray());
    }

    public int count(UUID tenantId, Filter f) {
        List<Object> binds = new ArrayList<>();
        String where = where(tenantId, f, binds);
        return Jdbc.list(dsl, "SELECT count(*) FROM public.reservas r" + where, r -> r.getInt(1), binds.toArray()).get(0);
    }

    private static String where(UUID tenantId, Filter f, List<Object> binds) {
        StringBuilder sql = new StringBuilder(" WHERE r.tenant_id = ?");
        binds.add(tenantId);
        if (f.estado() != null) {
            sql.append(" AND r.estado = ?");
            binds.add(f.estado());
        }
        if (f.productoId() != null) {
            sql.append(" AND r.producto_id = ?");
            binds.add(f.productoId());
        }
        if (f.carritoId() != null) {
            sql.append(" AND r.carrito_id = ?");
            binds.add(f.carritoId());
        }
        if (f.expiringWithin() != null) {
            sql.append(" AND r.estado = 'pendiente' AND r.expires_at <= now() + make_interval(mins => ?)");
            binds.add(f.expiringWithin());
        }
        return sql.toString();
    }
}
