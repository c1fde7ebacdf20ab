package dev.mostrador.inventory;

import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Messages;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Receiving stock (entrada) and adjusting it with a reason (ajuste): one transaction each, the
 * product locked, one movement appended; a refusal leaves every counter as it was.
 */
public final class StockOperations {
    public static final int MAX_NOTE = 500;
    private final StockLedger ledger;

    public StockOperations(StockLedger ledger) {
        this.ledger = ledger;
    }

    /** The tenant's product with this SKU (any case), active or not. */
    public Optional<Stock> bySku(DSLContext ctx, UUID tenantId, String sku) {
        if (sku == null || sku.isBlank()) return Optional.empty();
        return Jdbc.list(ctx, StockLedger.SELECT + " WHERE tenant_id = ? AND lower(sku) = lower(?)", StockLedger::stock, tenantId, sku.trim())
                .stream().findFirst();
    }

    public Optional<Stock> byId(DSLContext ctx, UUID tenantId, long id) {
        return Optional.ofNullable(ledger.read(ctx, tenantId, List.of(id)).get(id));
    }

    /** Receives units of an active product; returns its counters after. */
    public Stock entrada(DSLContext dsl, UUID tenantId, Long actor, long productoId, int units, String nota, Messages m) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Stock s = locked(tx, tenantId, productoId, m);
            if (!s.activo()) throw new StockRefused(422, "producto_id", m.t("st.product_inactive", s.sku()));
            if ((long) s.total() + units > Integer.MAX_VALUE) throw new StockRefused(422, "cantidad", m.t("st.units.too_many", s.sku()));
            ledger.append(tx, tenantId, actor, List.of(Movimiento.entrada(productoId, units, blankToNull(nota))));
            return ledger.read(tx, tenantId, List.of(productoId)).get(productoId);
        });
    }

    /**
     * Adds (or removes, when negative) units with a reason; one that would leave fewer available
     * than zero is refused with what is available, since those units are reserved or sold.
     */
    public Stock ajuste(DSLContext dsl, UUID tenantId, Long actor, long productoId, int units, String nota, Messages m) {
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Stock s = locked(tx, tenantId, productoId, m);
                if (s.disponible() + (long) units < 0) throw belowZero(s, m);
                if ((long) s.total() + units > Integer.MAX_VALUE) throw new StockRefused(422, "cantidad", m.t("st.units.too_many", s.sku()));
                ledger.append(tx, tenantId, actor, List.of(new Movimiento(productoId, StockMotivo.AJUSTE, units, 0, 0, null, nota.trim())));
                return ledger.read(tx, tenantId, List.of(productoId)).get(productoId);
            });
        } catch (DataAccessException e) {
            // The lock makes the check above exact; the CHECK is the database's last word all the same.
            if (!StockLedger.isShortage(e)) throw e;
            Stock now = byId(dsl, tenantId, productoId).orElseThrow();
            throw belowZero(now, m);
        }
    }

    /** The note's own check: required for an adjustment, at most 500 characters for all. */
    public static String noteError(String nota, boolean required, Messages m) {
        String n = nota == null ? "" : nota.trim();
        if (required && n.isEmpty()) return m.t("st.nota.required");
        if (n.length() > MAX_NOTE) return m.t("validation.max_length", m.t("st.nota"), MAX_NOTE);
        return null;
    }

    private Stock locked(DSLContext tx, UUID tenantId, long productoId, Messages m) {
        Stock s = ledger.lock(tx, tenantId, List.of(productoId)).get(productoId);
        if (s == null) throw new StockRefused(404, "producto_id", m.t("st.product_unknown"));
        return s;
    }

    private static StockRefused belowZero(Stock s, Messages m) {
        return new StockRefused(409, "cantidad", m.t("st.ajuste.below_zero", s.sku(), s.disponible(), s.reservado()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
