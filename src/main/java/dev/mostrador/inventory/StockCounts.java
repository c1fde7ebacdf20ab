package dev.mostrador.inventory;

import dev.mostrador.inventory.StockLedger.Documento;
import dev.mostrador.inventory.StockLedger.Movimiento;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Messages;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Physical counts in two steps: quantities are entered product by product (each line remembers
 * what the warehouse held and the product's last movement then), and applying appends one
 * {@code conteo} movement per line that differs. Applying is a conditional UPDATE abierto →
 * aplicado, so a count is applied once even when two people press the button together.
 */
public final class StockCounts {
    private final StockLedger ledger;

    public StockCounts(StockLedger ledger) {
        this.ledger = ledger;
    }

    public long start(DSLContext dsl, UUID tenantId, Long actor, String nota) {
        return Jdbc.list(dsl, "INSERT INTO public.conteos (tenant_id, created_by, nota) VALUES (?, ?, ?) RETURNING id", r -> r.getLong(1),
                tenantId, actor, StockOperations.blankToNull(nota)).get(0);
    }

    public Optional<Conteo> find(DSLContext ctx, UUID tenantId, long id) {
        return Jdbc.list(ctx, StockCountRows.SELECT + " WHERE c.tenant_id = ? AND c.id = ?", StockCountRows::conteo, tenantId, id).stream().findFirst();
    }

    /** The latest counts, newest first. */
    public List<Conteo> recent(DSLContext ctx, UUID tenantId, int limit) {
        return Jdbc.list(ctx, StockCountRows.SELECT + " WHERE c.tenant_id = ? ORDER BY c.id DESC LIMIT ?", StockCountRows::conteo, tenantId, limit);
    }

    public List<ConteoLinea> lines(DSLContext ctx, UUID tenantId, long conteoId) {
        return Jdbc.list(ctx, StockCountRows.LINES, StockCountRows::linea, tenantId, conteoId);
    }

    /** Records (or corrects) the units counted of a product in an open count. */
    public ConteoLinea enter(DSLContext dsl, UUID tenantId, long conteoId, long productoId, int contado, Messages m) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // FOR SHARE waits for an apply or a discard running now, and sees its result.
            List<String> estado = Jdbc.list(tx, "SELECT estado FROM public.conteos WHERE tenant_id = ? AND id = ? FOR SHARE", r -> r.getString(1),
                    tenantId, conteoId);
            if (estado.isEmpty()) throw new StockRefused(404, "conteo", m.t("st.conteo.unknown"));
            if (!Conteo.ABIERTO.equals(estado.get(0))) throw closed(estado.get(0), m);
            // Locked so that no movement lands between reading the counters and the last movement's id.
            Stock s = ledger.lock(tx, tenantId, List.of(productoId)).get(productoId);
            if (s == null) throw new StockRefused(404, "producto_id", m.t("st.product_unknown"));
            Jdbc.execute(tx, StockCountRows.UPSERT_LINE, tenantId, conteoId, productoId, contado, s.enAlmacen(), tenantId, productoId);
            return lines(tx, tenantId, conteoId).stream().filter(l -> l.productoId() == productoId).findFirst().orElseThrow();
        });
    }

    /**
     * Applies an open count: products that moved since their line was entered are refused unless
     * {@code confirmed} (the caller shows them first); a line that would leave fewer units than
     * are reserved is refused whole. Returns the lines applied.
     */
    public List<ConteoLinea> apply(DSLContext dsl, UUID tenantId, Long actor, long conteoId, boolean confirmed, Messages m) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            close(tx, tenantId, actor, conteoId, "aplicado", m);
            List<ConteoLinea> before = lines(tx, tenantId, conteoId);
            if (before.isEmpty()) throw new StockRefused(422, "lineas", m.t("st.conteo.empty"));
            ledger.lock(tx, tenantId, before.stream().map(ConteoLinea::productoId).toList());
            List<ConteoLinea> lines = lines(tx, tenantId, conteoId);
            List<StockRefused.Line> moved = lines.stream().filter(ConteoLinea::movido)
                    .map(l -> new StockRefused.Line(l.productoId(), l.sku(), m.t("st.conteo.moved_line", l.sku(), l.enAlmacen(), l.enAlmacenAhora())))
                    .toList();
            if (!confirmed && !moved.isEmpty()) throw new StockRefused(409, "confirmar", m.t("st.conteo.moved", moved.size()), moved);
            List<StockRefused.Line> short_ = lines.stream().filter(l -> l.disponibleDespues() < 0)
                    .map(l -> new StockRefused.Line(l.productoId(), l.sku(), m.t("st.conteo.short_line", l.sku(), l.contado(), l.reservadoAhora())))
                    .toList();
            if (!short_.isEmpty()) throw new StockRefused(409, "lineas", m.t("st.conteo.short", short_.size()), short_);
            List<Movimiento> movements = new ArrayList<>();
            for (ConteoLinea l : lines) {
                if (l.delta() != 0) movements.add(new Movimiento(l.productoId(), StockMotivo.CONTEO, l.delta(), 0, 0, Documento.conteo(conteoId), null));
            }
            ledger.append(tx, tenantId, actor, movements);
            return lines;
        });
    }

    public void discard(DSLContext dsl, UUID tenantId, Long actor, long conteoId, Messages m) {
        dsl.transaction(cfg -> close(cfg.dsl(), tenantId, actor, conteoId, "descartado", m));
    }

    private static void close(DSLContext tx, UUID tenantId, Long actor, long conteoId, String estado, Messages m) {
        if (!Jdbc.list(tx, "UPDATE public.conteos SET estado = ?, closed_at = now(), closed_by = ? "
                + "WHERE tenant_id = ? AND id = ? AND estado = 'abierto' RETURNING id", r -> r.getLong(1), estado, actor, tenantId, conteoId).isEmpty()) {
            return;
        }
        List<String> now = Jdbc.list(tx, "SELECT estado FROM public.conteos WHERE tenant_id = ? AND id = ?", r -> r.getString(1), tenantId, conteoId);
        if (now.isEmpty()) throw new StockRefused(404, "conteo", m.t("st.conteo.unknown"));
        throw closed(now.get(0), m);
    }

    private static StockRefused closed(String estado, Messages m) {
        return new StockRefused(409, "conteo", m.t("st.conteo.closed", m.t("st.conteo.estado." + estado)));
    }
}
