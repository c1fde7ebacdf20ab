package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders, their frozen lines and their history; every query takes the tenant. */
final class OrderRepository {
    /** What an order is placed with, before it has an id. */
    record NewPedido(Long customerId, long userId, Long carritoId, String direccion, String telefono, String nota, String moneda,
                     BigDecimal subtotal, BigDecimal descuento, BigDecimal total) {}

    long insert(DSLContext tx, UUID tenantId, NewPedido p) {
        return Jdbc.list(tx, "INSERT INTO public.pedidos (tenant_id, customer_id, user_id, carrito_id, direccion, telefono, nota, moneda, "
                        + "subtotal, descuento, total) VALUES (?, ?::bigint, ?, ?::bigint, ?::text, ?::text, ?::text, ?, ?, ?, ?) RETURNING id",
                r -> r.getLong(1), tenantId, p.customerId(), p.userId(), p.carritoId(), p.direccion(), p.telefono(), p.nota(), p.moneda(),
                p.subtotal(), p.descuento(), p.total()).get(0);
    }

    /** Every line in one statement (arrays unnested): one round trip for a 10-line order instead of ten. */
    void insertLines(DSLContext tx, UUID tenantId, long pedidoId, List<Pedido.Linea> lines) {
        int n = lines.size();
        Object[][] cols = new Object[15][n];
        for (int i = 0; i < n; i++) {
            Pedido.Linea l = lines.get(i);
            Object[] row = {l.linea(), l.productoId(), l.sku(), l.nombre(), l.precioLista(), l.cantidad(), l.ofertaId(), l.ofertaTitulo(),
                    l.ofertaTipo(), l.explicacion(), l.descuento(), l.neto(), l.regalo()};
            for (int c = 0; c < row.length; c++) cols[c][i] = row[c];
        }
        Jdbc.execute(tx, "INSERT INTO public.pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, "
                        + "oferta_id, oferta_titulo, oferta_tipo, explicacion, descuento, neto, regalo) "
                        + "SELECT ?, ?, * FROM unnest(?::integer[], ?::bigint[], ?::text[], ?::text[], ?::numeric[], ?::integer[], ?::bigint[], "
                        + "?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::boolean[])",
                tenantId, pedidoId, Jdbc.array("integer", cols[0]), Jdbc.array("bigint", cols[1]), Jdbc.array("text", cols[2]),
                Jdbc.array("text", cols[3]), Jdbc.array("numeric", cols[4]), Jdbc.array("integer", cols[5]), Jdbc.array("bigint", cols[6]),
                Jdbc.array("text", cols[7]), Jdbc.array("text", cols[8]), Jdbc.array("text", cols[9]), Jdbc.array("numeric", cols[10]),
                Jdbc.array("numeric", cols[11]), Jdbc.array("boolean", cols[12]));
    }

    void event(DSLContext tx, UUID tenantId, long pedidoId, String desde, String hacia, Long userId, String nota) {
        Jdbc.execute(tx, "INSERT INTO public.pedido_eventos (tenant_id, pedido_id, desde, hacia, user_id, nota) "
                + "VALUES (?, ?, ?::text, ?, ?::bigint, ?::text)", tenantId, pedidoId, desde, hacia, userId, nota);
    }

    /**
     * Moves the order from one of {@code from} to {@code to}, once: the row is locked first, so of two
     * concurrent transitions the second sees the first's state and finds nothing to move. Returns the
     * state it left, or empty when it was in none of {@code from} (or is not the tenant's).
     */
    Optional<String> transition(DSLContext tx, UUID tenantId, long id, List<String> from, String to, Long repartidorId) {
        return Jdbc.list(tx, "WITH old AS (SELECT id, estado FROM public.pedidos WHERE tenant_id = ? AND id = ? FOR UPDATE) "
                        + "UPDATE public.pedidos p SET estado = ?, updated_at = now(), repartidor_id = coalesce(?::bigint, p.repartidor_id), "
                        + "entregado_at = CASE WHEN ? = 'entregado' THEN now() ELSE p.entregado_at END "
                        + "FROM old WHERE p.tenant_id = ? AND p.id = old.id AND old.estado = ANY(?) RETURNING old.estado",
                r -> r.getString(1), tenantId, id, to, repartidorId, to, tenantId, Jdbc.array("text", from.toArray(String[]::new)))
                .stream().findFirst();
    }

    void setLumis(DSLContext tx, UUID tenantId, long id, int acreditados, int noDevueltos) {
        Jdbc.execute(tx, "UPDATE public.pedidos SET lumis_acreditados = ?, lumis_no_devueltos = ? WHERE tenant_id = ? AND id = ?",
                acreditados, noDevueltos, tenantId, id);
    }

    Optional<Pedido> find(DSLContext ctx, UUID tenantId, long id) {
        return Jdbc.list(ctx, SELECT + " WHERE p.tenant_id = ? AND p.id = ?", r -> row(r, List.of(), List.of()), tenantId, id).stream()
                .findFirst().map(p -> withDetails(ctx, tenantId, p));
    }

    Optional<String> estado(DSLContext ctx, UUID tenantId, long id) {
        return Jdbc.list(ctx, "SELECT estado FROM public.pedidos WHERE tenant_id = ? AND id = ?", r -> r.getString(1), tenantId, id)
                .stream().findFirst();
    }

    private Pedido withDetails(DSLContext ctx, UUID tenantId, Pedido p) {
        List<Pedido.Linea> lines = Jdbc.list(ctx, "SELECT linea, producto_id, sku, nombre, precio_lista, cantidad, oferta_id, oferta_titulo, "
                + "oferta_tipo, explicacion, descuento, neto, regalo FROM public.pedido_lineas WHERE tenant_id = ? AND pedido_id = ? ORDER BY linea",
                r -> new Pedido.Linea(r.getInt(1), r.getLong(2), r.getString(3), r.getString(4), r.getBigDecimal(5), r.getInt(6),
                        (Long) r.getObject(7), r.getString(8), r.getString(9), r.getString(10), r.getBigDecimal(11), r.getBigDecimal(12),
                        r.getBoolean(13)), tenantId, p.id());
        List<Pedido.Evento> events = Jdbc.list(ctx, "SELECT e.id, e.desde, e.hacia, e.user_id, u.name, e.nota, e.created_at "
                + "FROM public.pedido_eventos e LEFT JOIN public.users u ON u.tenant_id = e.tenant_id AND u.id = e.user_id "
                + "WHERE e.tenant_id = ? AND e.pedido_id = ? ORDER BY e.id", r -> new Pedido.Evento(r.getLong(1), r.getString(2),
                r.getString(3), (Long) r.getObject(4), r.getString(5), r.getString(6), r.getObject(7, OffsetDateTime.class)), tenantId, p.id());
        return new Pedido(p.id(), p.estado(), p.customerId(), p.customerName(), p.userId(), p.userName(), p.repartidorId(), p.repartidorName(),
                p.carritoId(), p.direccion(), p.telefono(), p.nota(), p.moneda(), p.subtotal(), p.descuento(), p.total(), p.lumisAcreditados(),
                p.lumisNoDevueltos(), p.createdAt(), p.entregadoAt(), lines, events);
    }

    private static Pedido row(ResultSet r, List<Pedido.Linea> lines, List<Pedido.Evento> events) throws SQLException {
        return new Pedido(r.getLong("id"), r.getString("estado"), (Long) r.getObject("customer_id"), r.getString("customer_name"),
                r.getLong("user_id"), r.getString("user_name"), (Long) r.getObject("repartidor_id"), r.getString("repartidor_name"),
                (Long) r.getObject("carrito_id"), r.getString("direccion"), r.getString("telefono"), r.getString("nota"), r.getString("moneda"),
                r.getBigDecimal("subtotal"), r.getBigDecimal("descuento"), r.getBigDecimal("total"), r.getInt("lumis_acreditados"),
                r.getInt("lumis_no_devueltos"), r.getObject("created_at", OffsetDateTime.class), r.getObject("entregado_at", OffsetDateTime.class),
                lines, events);
    }

    private static final String SELECT = "SELECT p.*, c.name AS customer_name, u.name AS user_name, d.nombre AS repartidor_name "
            + "FROM public.pedidos p LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id "
            + "JOIN public.users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id "
            + "LEFT JOIN public.repartidores d ON d.tenant_id = p.tenant_id AND d.id = p.repartidor_id";
}
