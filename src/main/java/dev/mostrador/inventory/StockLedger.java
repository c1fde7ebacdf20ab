package dev.mostrador.inventory;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The movements ledger, the truth of stock: every change of a counter is a row appended here in
 * the caller's transaction, and the table's trigger moves the product's counters (a direct UPDATE of
 * them is refused). A movement that would take a counter below zero fails the product's CHECK
 * ({@link #isShortage}), and the caller's whole transaction with it.
 */
public final class StockLedger {
    /** The document a movement belongs to: a reservation, an order, a count, an import. */
    public record Documento(String tipo, long id) {
        public static Documento reserva(long id) { return new Documento("reserva", id); }
        public static Documento pedido(long id) { return new Documento("pedido", id); }
        public static Documento conteo(long id) { return new Documento("conteo", id); }
        public static Documento importacion(long id) { return new Documento("importacion", id); }
    }

    /** One row of the ledger: the change of each counter (total, reservado, vendido). */
    public record Movimiento(long productoId, StockMotivo motivo, int total, int reservado, int vendido, Documento documento, String nota) {
        public static Movimiento entrada(long productoId, int units, String nota) {
            return new Movimiento(productoId, StockMotivo.ENTRADA, units, 0, 0, null, nota);
        }
    }

    /**
     * Locks the tenant's products with these ids, in id order (so two transactions locking
     * overlapping sets never deadlock), and returns their counters; unknown ids are absent. NO KEY
     * UPDATE, the lock the counters' UPDATE takes anyway: rows that reference a product (an order's
     * lines, movements) take KEY SHARE on it in their own order, which this lock does not wait for.
     */
    public Map<Long, Stock> lock(DSLContext tx, UUID tenantId, Collection<Long> productIds) {
        if (productIds.isEmpty()) return Map.of();
        Long[] ids = new TreeSet<>(productIds).toArray(Long[]::new);
        Map<Long, Stock> locked = new LinkedHashMap<>();
        for (Stock s : Jdbc.list(tx, SELECT + " WHERE tenant_id = ? AND id = ANY(?) ORDER BY id FOR NO KEY UPDATE", StockLedger::stock,
                tenantId, Jdbc.array("bigint", ids))) {
            locked.put(s.productoId(), s);
        }
        return locked;
    }

    /** The counters of the tenant's products with these ids, without locking them. */
    public Map<Long, Stock> read(DSLContext ctx, UUID tenantId, Collection<Long> productIds) {
        if (productIds.isEmpty()) return Map.of();
        Map<Long, Stock> found = new LinkedHashMap<>();
        for (Stock s : Jdbc.list(ctx, SELECT + " WHERE tenant_id = ? AND id = ANY(?) ORDER BY id", StockLedger::stock,
                tenantId, Jdbc.array("bigint", productIds.toArray(Long[]::new)))) {
            found.put(s.productoId(), s);
        }
        return found;
    }

    /** Appends the movements in one statement; returns their ids in order. */
    public List<Long> append(DSLContext tx, UUID tenantId, Long actorUserId, List<Movimiento> movements) {
        if (movements.isEmpty()) return List.of();
        int n = movements.size();
        Long[] productos = new Long[n];
        String[] motivos = new String[n];
        Integer[] totals = new Integer[n], reservados = new Integer[n], vendidos = new Integer[n];
        String[] docTipos = new String[n];
        Long[] docIds = new Long[n];
        String[] notas = new String[n];
        for (int i = 0; i < n; i++) {
            Movimiento m = movements.get(i);
            productos[i] = m.productoId();
            motivos[i] = m.motivo().code();
            totals[i] = m.total();
            reservados[i] = m.reservado();
            vendidos[i] = m.vendido();
            docTipos[i] = m.documento() == null ? null : m.documento().tipo();
            docIds[i] = m.documento() == null ? null : m.documento().id();
            notas[i] = m.nota();
        }
        return new ArrayList<>(Jdbc.list(tx, INSERT, row -> row.getLong(1), tenantId, actorUserId,
                Jdbc.array("bigint", productos), Jdbc.array("text", motivos), Jdbc.array("integer", totals),
                Jdbc.array("integer", reservados), Jdbc.array("integer", vendidos), Jdbc.array("text", docTipos),
                Jdbc.array("bigint", docIds), Jdbc.array("text", notas)));
    }

    /** Whether a failure is the product CHECK refusing a counter below zero (not enough stock). */
    public static boolean isShortage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("productos_stock_check")) return true;
        }
        return false;
    }

    static final String SELECT = "SELECT id, sku, nombre, activo, stock_total, stock_reservado, stock_vendido, stock_minimo FROM public.productos";

    static Stock stock(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Stock(row.getLong(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getInt(5), row.getInt(6),
                row.getInt(7), row.getInt(8));
    }

    private static final String INSERT = "INSERT INTO public.stock_movimientos (tenant_id, actor_user_id, producto_id, motivo, "
            + "delta_total, delta_reservado, delta_vendido, documento_tipo, documento_id, nota) "
            + "SELECT ?, ?, u.producto_id, u.motivo, u.dt, u.dr, u.dv, u.doc_tipo, u.doc_id, u.nota FROM unnest(?::bigint[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::bigint[], ?::text[]) "
            + "WITH ORDINALITY AS u(producto_id, motivo, dt, dr, dv, doc_tipo, doc_id, nota, ord) ORDER BY u.ord RETURNING id";
}
