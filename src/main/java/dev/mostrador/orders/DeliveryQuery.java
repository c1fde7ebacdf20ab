package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A repartidor's day: orders out with them now, and those they delivered today in the shop's time zone. */
public final class DeliveryQuery {
    public record Item(int cantidad, String nombre) {}

    public record Delivery(long id, String estado, String direccion, String telefono, String cliente, BigDecimal total,
                           OffsetDateTime entregadoAt, List<Item> items) {
        public boolean entregado() {
            return "entregado".equals(estado);
        }

        /** The number for a {@code tel:} link: only what a dialler reads. */
        public String telHref() {
            return telefono == null ? null : "tel:" + telefono.replaceAll("[^+0-9]", "");
        }
    }

    private final DSLContext dsl;

    public DeliveryQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Still to deliver first, then the delivered ones; each group in the order the orders were placed. */
    public List<Delivery> today(UUID tenantId, long repartidorId, ZoneId zone) {
        OffsetDateTime startOfDay = LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
        Map<Long, Delivery> found = new LinkedHashMap<>();
        Jdbc.list(dsl, """
                SELECT p.id, p.estado, p.direccion, coalesce(p.telefono, c.phone), c.name, p.total, p.entregado_at
                FROM public.pedidos p LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
                WHERE p.tenant_id = ? AND p.repartidor_id = ?
                  AND (p.estado = 'en_reparto' OR (p.estado = 'entregado' AND p.entregado_at >= ?))
                ORDER BY p.estado = 'entregado', p.id LIMIT 500""",
                r -> new Delivery(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getBigDecimal(6),
                        r.getObject(7, OffsetDateTime.class), new ArrayList<>()), tenantId, repartidorId, startOfDay)
                .forEach(d -> found.put(d.id(), d));
        if (found.isEmpty()) return List.of();
        Jdbc.list(dsl, """
                SELECT pedido_id, cantidad, nombre FROM public.pedido_lineas
                WHERE tenant_id = ? AND pedido_id = ANY(?::bigint[]) ORDER BY pedido_id, linea""",
                r -> { found.get(r.getLong(1)).items().add(new Item(r.getInt(2), r.getString(3))); return null; },
                tenantId, Jdbc.array("bigint", found.keySet().toArray()));
        return List.copyOf(found.values());
    }
}
