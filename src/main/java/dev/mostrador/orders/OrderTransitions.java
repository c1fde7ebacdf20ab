package dev.mostrador.orders;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.inventory.StockMotivo;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An order's life after placement, one transaction per step with its row in the history. Each step
 * is a conditional UPDATE on the current state, so of concurrent steps exactly one wins and the
 * others are told the state they found (409).
 */
public final class OrderTransitions {
    private static final List<String> OPEN = List.of(Pedido.CONFIRMADO, Pedido.EN_REPARTO);
    private final OrderRepository orders = new OrderRepository();
    private final StockLedger ledger;
    private final OrderLumis lumis;

    OrderTransitions(StockLedger ledger, OrderLumis lumis) {
        this.ledger = ledger;
        this.lumis = lumis;
    }

    /** Hands the order to one of the tenant's active repartidores (again, while it is on its way). */
    public void assign(DSLContext ctx, CurrentUser me, long id, long repartidorId) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            exists(tx, me, id);
            Optional<Boolean> activo = Jdbc.list(tx, "SELECT activo FROM public.repartidores WHERE tenant_id = ? AND id = ?",
                    r -> r.getBoolean(1), me.tenantId(), repartidorId).stream().findFirst();
            if (activo.isEmpty()) throw OrderRefused.notFound("repartidor_id", "no repartidor " + repartidorId);
            if (!activo.get()) throw OrderRefused.invalid("repartidor_id", "repartidor " + repartidorId + " is not active");
            move(tx, me, id, OPEN, Pedido.EN_REPARTO, repartidorId, "assigned");
        });
    }

    public void deliver(DSLContext ctx, CurrentUser me, long id) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            move(tx, me, id, OPEN, Pedido.ENTREGADO, null, "delivered");
            Pedido p = orders.find(tx, me.tenantId(), id).orElseThrow();
            lumis.credit(tx, me.tenantId(), id, p.customerId(), p.total(), me.userId());
        });
    }

    /** Cancels an order not yet delivered: its units go back to available ('cancelacion', vendido −n). */
    public void cancel(DSLContext ctx, CurrentUser me, long id) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            move(tx, me, id, OPEN, Pedido.CANCELADO, null, "cancelled");
            restock(tx, me, id, StockMotivo.CANCELACION);
        });
    }

    /**
     * A delivered order comes back: fit for sale, its units return to stock ('devolucion', vendido −n);
     * not fit, they stay out. The lümis it earned are taken back, never below a zero balance.
     */
    public void giveBack(DSLContext ctx, CurrentUser me, long id, boolean aptoVenta) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            move(tx, me, id, List.of(Pedido.ENTREGADO), Pedido.DEVUELTO, null, "returned");
            if (aptoVenta) restock(tx, me, id, StockMotivo.DEVOLUCION);
            Pedido p = orders.find(tx, me.tenantId(), id).orElseThrow();
            lumis.giveBack(tx, me.tenantId(), id, p.customerId(), p.lumisAcreditados(), me.userId());
        });
    }

    private void move(DSLContext tx, CurrentUser me, long id, List<String> from, String to, Long repartidorId, String verb) {
        Optional<String> left = orders.transition(tx, me.tenantId(), id, from, to, repartidorId);
        if (left.isEmpty()) {
            String estado = exists(tx, me, id);
            throw new OrderRefused(409, "invalid_transition", "order #" + id + " is " + estado + ": it cannot be " + verb,
                    Map.of("estado", estado));
        }
        orders.event(tx, me.tenantId(), id, left.get(), to, me.userId(), null);
    }

    private String exists(DSLContext tx, CurrentUser me, long id) {
        return orders.estado(tx, me.tenantId(), id).orElseThrow(() -> OrderRefused.notFound("id", "no order " + id));
    }

    private void restock(DSLContext tx, CurrentUser me, long id, StockMotivo motivo) {
        Map<Long, Integer> units = new TreeMap<>(OrderLines.units(orders.find(tx, me.tenantId(), id).orElseThrow().lineas()));
        ledger.lock(tx, me.tenantId(), units.keySet());
        ledger.append(tx, me.tenantId(), me.userId(), units.entrySet().stream()
                .map(e -> new Movimiento(e.getKey(), motivo, 0, 0, -e.getValue(), StockLedger.Documento.pedido(id), null)).toList());
    }
}
