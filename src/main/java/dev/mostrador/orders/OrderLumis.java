package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.rewards.ledger.LedgerRepository;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The lümis an order earns when it is delivered (the shop's rule: one per {@code lumis_por_monto} of
 * the net total, rounded down) and gives back when it is returned, written through the ledger in
 * the transition's transaction. A return never takes the balance below zero: what was already spent
 * is recorded as not given back.
 */
final class OrderLumis {
    private final LedgerRepository ledger;

    OrderLumis(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** How many lümis this total earns under the rule; 0 when the rule is off. */
    static int earned(BigDecimal total, BigDecimal porMonto) {
        if (porMonto == null || porMonto.signum() <= 0) return 0;
        BigDecimal n = total.divide(porMonto, 0, RoundingMode.FLOOR);
        return n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : n.intValue();
    }

    void credit(DSLContext tx, UUID tenantId, long pedidoId, Long customerId, BigDecimal total, Long userId) {
        if (customerId == null) return;
        BigDecimal porMonto = Jdbc.list(tx, "SELECT lumis_por_monto FROM public.tenants WHERE id = ?", r -> r.getBigDecimal(1), tenantId).get(0);
        int n = earned(total, porMonto);
        if (n == 0) return;
        ledger.appendForPedido(tx, tenantId, customerId, n, "earn", "Pedido #" + pedidoId, pedidoId, userId);
        new OrderRepository().setLumis(tx, tenantId, pedidoId, n, 0);
    }

    void giveBack(DSLContext tx, UUID tenantId, long pedidoId, Long customerId, int credited, Long userId) {
        if (customerId == null || credited == 0) return;
        long balance = Jdbc.list(tx, "SELECT lumis_balance FROM public.customers WHERE tenant_id = ? AND id = ? FOR UPDATE",
                r -> r.getLong(1), tenantId, customerId).get(0);
        int debit = (int) Math.min(credited, balance);
        if (debit > 0) ledger.appendForPedido(tx, tenantId, customerId, -debit, "adjust", "Devolución del pedido #" + pedidoId, pedidoId, userId);
        new OrderRepository().setLumis(tx, tenantId, pedidoId, credited, credited - debit);
    }
}
