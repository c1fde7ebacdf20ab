package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a printed delivery note shows of one order: its frozen lines, who receives it and who carries it. */
public final class RemitoQuery {
    public record Remito(long id, String estado, OffsetDateTime createdAt, String cliente, String direccion, String telefono,
                         String repartidor, String nota, BigDecimal subtotal, BigDecimal descuento, BigDecimal total,
                         List<RemitoLinea> lineas) {}

    public record RemitoLinea(String sku, String nombre, int cantidad, BigDecimal precio, BigDecimal descuento, BigDecimal neto,
                              boolean regalo) {}

    private final DSLContext dsl;

    public RemitoQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Remito> find(UUID tenantId, long id) {
        List<RemitoLinea> lineas = Jdbc.list(dsl, """
                SELECT sku, nombre, cantidad, precio_lista, descuento, neto, regalo FROM public.pedido_lineas
                WHERE tenant_id = ? AND pedido_id = ? ORDER BY linea""",
                r -> new RemitoLinea(r.getString(1), r.getString(2), r.getInt(3), r.getBigDecimal(4), r.getBigDecimal(5),
                        r.getBigDecimal(6), r.getBoolean(7)), tenantId, id);
        return Jdbc.list(dsl, """
                SELECT p.id, p.estado, p.created_at, c.name, p.direccion, coalesce(p.telefono, c.phone), rp.nombre, p.nota,
                       p.subtotal, p.descuento, p.total
                FROM public.pedidos p
                LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
                LEFT JOIN public.repartidores rp ON rp.tenant_id = p.tenant_id AND rp.id = p.repartidor_id
                WHERE p.tenant_id = ? AND p.id = ?""",
                r -> new Remito(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getBigDecimal(9), r.getBigDecimal(10), r.getBigDecimal(11),
                        lineas), tenantId, id).stream().findFirst();
    }
}
