package dev.mostrador.imports;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.inventory.StockMotivo;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commit of a products import, one batch per transaction ({@link ImportBatch}: resumable, the
 * tenant's commits taking turns). The batch's rows are decided again with their products locked,
 * new products are created remembering the import, changed ones updated, and every initial stock
 * is an entrada appended to the inventory's ledger in the same transaction, its document the
 * import (the ledger's trigger moves the counters; nothing here writes them). The SKU's unique
 * index settles a race with the product form: the batch is decided again.
 */
final class ProductCommit {
    private static final String[] COLUMNS = {"sku", "name", "description", "price", "active", "min_stock"};

    private final ImportRepository imports;
    private final StockLedger ledger;

    ProductCommit(ImportRepository imports, StockLedger ledger) {
        this.imports = imports;
        this.ledger = ledger;
    }

    /** Commits the next batch; false when none was left (the import is then done). */
    boolean nextBatch(UUID tenantId, long importId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return imports.dsl().transactionResult(cfg -> batch(cfg.dsl(), tenantId, importId));
            } catch (IntegrityConstraintViolationException e) {
                if (attempt == 3) throw e; // a product created at the form meanwhile: decided again, it is an update
            }
        }
    }

    private boolean batch(DSLContext tx, UUID tenantId, long importId) {
        ImportBatch.Job job = ImportBatch.start(tx, tenantId, importId, "products");
        if (job == null) return false;
        List<ImportRows.Row> rows = ImportBatch.next(tx, tenantId, importId, job);
        if (rows.isEmpty()) return false;
        List<ImportRows.Decision> decisions = ProductDecisions.decide(tx, tenantId, job.mode(), rows, true);
        List<ImportRows.Decision> creates = new ArrayList<>(), updates = new ArrayList<>();
        for (ImportRows.Decision d : decisions) {
            if (d.cls().equals("new")) creates.add(d);
            else if (d.cls().equals("update")) updates.add(d);
        }
        List<Long> created = insert(tx, tenantId, importId, creates);
        update(tx, tenantId, updates);
        List<StockLedger.Movimiento> entradas = new ArrayList<>();
        for (int i = 0; i < creates.size(); i++) entrada(entradas, created.get(i), creates.get(i), importId);
        for (ImportRows.Decision d : updates) entrada(entradas, d.targetId(), d, importId);
        ledger.append(tx, tenantId, job.committedBy(), entradas);
        ImportBatch.finish(tx, tenantId, importId, rows, decisions, created);
        return true;
    }

    private static void entrada(List<StockLedger.Movimiento> out, long productId, ImportRows.Decision d, long importId) {
        String stock = d.write().get("stock");
        int units = stock == null ? 0 : Integer.parseInt(stock);
        if (units > 0) {
            out.add(new StockLedger.Movimiento(productId, StockMotivo.ENTRADA, units, 0, 0, StockLedger.Documento.importacion(importId), null));
        }
    }

    /** New products in one statement, in the rows' order, with no stock (the entradas bring it); their ids in the same order. */
    private static List<Long> insert(DSLContext tx, UUID tenantId, long importId, List<ImportRows.Decision> creates) {
        if (creates.isEmpty()) return List.of();
        Object[] binds = new Object[2 + COLUMNS.length];
        binds[0] = tenantId;
        binds[1] = importId;
        System.arraycopy(columns(creates), 0, binds, 2, COLUMNS.length);
        return Jdbc.list(tx, "INSERT INTO productos (tenant_id, import_id, sku, nombre, descripcion, precio, activo, stock_minimo) "
                + "SELECT ?, ?, u.sku, u.name, u.description, coalesce(u.price::numeric, 0), coalesce(u.active::boolean, true), "
                + "coalesce(u.min_stock::integer, 0) FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "WITH ORDINALITY AS u(sku, name, description, price, active, min_stock, ord) ORDER BY u.ord RETURNING id", r -> r.getLong(1), binds);
    }

    /** Updates write only what a row changes; an empty cell never blanks a value (coalesce). The SKU stays as the catalog has it. */
    private static void update(DSLContext tx, UUID tenantId, List<ImportRows.Decision> updates) {
        List<ImportRows.Decision> changed = updates.stream().filter(d -> d.write().keySet().stream().anyMatch(f -> !f.equals("stock"))).toList();
        if (changed.isEmpty()) return;
        Object[] binds = new Object[2 + COLUMNS.length];
        binds[0] = Jdbc.array("bigint", changed.stream().map(ImportRows.Decision::targetId).toArray(Long[]::new));
        System.arraycopy(columns(changed), 0, binds, 1, COLUMNS.length);
        binds[binds.length - 1] = tenantId;
        Jdbc.execute(tx, "UPDATE productos p SET nombre = coalesce(u.name, p.nombre), descripcion = coalesce(u.description, p.descripcion), "
                + "precio = coalesce(u.price::numeric, p.precio), activo = coalesce(u.active::boolean, p.activo), "
                + "stock_minimo = coalesce(u.min_stock::integer, p.stock_minimo), updated_at = now() "
                + "FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "AS u(id, sku, name, description, price, active, min_stock) WHERE p.tenant_id = ? AND p.id = u.id", binds);
    }

    private static Object[] columns(List<ImportRows.Decision> rows) {
        Object[] out = new Object[COLUMNS.length];
        for (int col = 0; col < COLUMNS.length; col++) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> w = rows.get(i).write();
                values[i] = w.get(COLUMNS[col]);
            }
            out[col] = Jdbc.array("text", values);
        }
        return out;
    }
}
