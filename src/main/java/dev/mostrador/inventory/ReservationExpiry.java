package dev.mostrador.inventory;

import dev.mostrador.inventory.StockLedger.Documento;
import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The job that releases reservations past their time (expirada), in batches of products, each batch
 * one transaction: the products are locked first with SKIP LOCKED (a product busy in a checkout is
 * left to that checkout, which releases its expired reservations itself), then their expired pending
 * reservations are closed under those locks, so two instances never release one twice.
 */
public final class ReservationExpiry {
    static final int BATCH = 1_000;
    private final DSLContext dsl;
    private final StockLedger ledger;

    public ReservationExpiry(DSLContext dsl, StockLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** Releases every reservation past its time; returns how many. */
    public int run() {
        int total = 0;
        while (true) {
            int freed = dsl.transactionResult(cfg -> batch(cfg.dsl()));
            total += freed;
            if (freed == 0) return total;
        }
    }

    private int batch(DSLContext tx) {
        // The products of the oldest expired reservations, locked now unless a checkout holds them.
        List<Object[]> products = Jdbc.list(tx, LOCK_PRODUCTS, row -> new Object[]{row.getObject(1, UUID.class), row.getLong(2)}, BATCH);
        if (products.isEmpty()) return 0;
        Map<UUID, List<Long>> byTenant = new LinkedHashMap<>();
        for (Object[] p : products) byTenant.computeIfAbsent((UUID) p[0], k -> new ArrayList<>()).add((Long) p[1]);
        int freed = 0;
        for (Map.Entry<UUID, List<Long>> e : byTenant.entrySet()) {
            List<Movimiento> movements = Jdbc.list(tx, EXPIRE, row -> new Movimiento(row.getLong(2), StockMotivo.LIBERACION, 0,
                    -row.getInt(3), 0, Documento.reserva(row.getLong(1)), null), e.getKey(), Jdbc.array("bigint", e.getValue().toArray(Long[]::new)));
            ledger.append(tx, e.getKey(), null, movements);
            freed += movements.size();
        }
        return freed;
    }

    private static final String LOCK_PRODUCTS = "SELECT p.tenant_id, p.id FROM public.productos p WHERE (p.tenant_id, p.id) IN ("
            + "SELECT r.tenant_id, r.producto_id FROM public.reservas r WHERE r.estado = 'pendiente' AND r.expires_at <= now() "
            + "ORDER BY r.expires_at LIMIT ?) ORDER BY p.tenant_id, p.id FOR UPDATE OF p SKIP LOCKED";

    private static final String EXPIRE = "UPDATE public.reservas SET estado = 'expirada', closed_at = now() "
            + "WHERE tenant_id = ? AND producto_id = ANY(?) AND estado = 'pendiente' AND expires_at <= now() "
            + "RETURNING id, producto_id, cantidad";
}
