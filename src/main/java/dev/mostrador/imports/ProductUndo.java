package dev.mostrador.imports;

import dev.mostrador.inventory.StockLedger;
import dev.mostrador.inventory.StockMotivo;
import dev.mostrador.platform.db.ForeignKeys;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Undoing a products import. A product it created goes when nobody touched it since: nothing points
 * to it (order and cart lines, reservations, ofertas, counts, any stock movement but this import's
 * own entrada: every foreign key to productos, from pg_catalog), it was not edited (updated_at) and
 * no later import updated it. One whose initial stock came in as an entrada cannot go: the stock
 * ledger is append-only and its rows keep the product. That one is kept deactivated, its imported
 * units taken back by an ajuste whose document is the import, so its counters and the ledger still
 * agree and nothing can be sold from it. The checks are the statements' own WHERE, under the same
 * tenant lock as the commit's batches, and on rows locked FOR UPDATE.
 */
final class ProductUndo implements ImportUndoKind {
    private static final Map<String, String> REASONS = Map.of(
            "pedido_lineas", "import.kept.orders",
            "carrito_items", "import.kept.carts",
            "reservas", "import.kept.reservations",
            "oferta_productos", "import.kept.ofertas",
            "ofertas", "import.kept.ofertas",
            "conteo_lineas", "import.kept.counts",
            "stock_movimientos", "import.kept.movements");
    /** Any movement but the import's own initial stock (the one use that does not keep a product); NULL-safe: a movement without a document counts. */
    private static final String OWN_ENTRADA = "(x.documento_tipo IS DISTINCT FROM 'importacion' OR x.documento_id IS DISTINCT FROM i.id "
            + "OR x.motivo <> 'entrada')";
    private static final String LATER_IMPORT = "(SELECT min(o.import_id) FROM import_rows o JOIN imports oi ON oi.tenant_id = o.tenant_id "
            + "AND oi.id = o.import_id WHERE o.tenant_id = p.tenant_id AND o.target_id = p.id AND o.import_id <> i.id AND o.applied = 'updated' "
            + "AND oi.kind = 'products')";

    private final StockLedger ledger;

    ProductUndo(StockLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void lock(DSLContext tx, UUID tenantId) {
        ImportBatch.lockTenant(tx, tenantId, "products");
    }

    @Override
    public Map<Integer, String> undo(DSLContext tx, UUID tenantId, long importId, Map<Integer, Long> created) {
        List<ForeignKeys.Reference> refs = ForeignKeys.referencing(tx, "public.productos");
        Object ids = Jdbc.array("bigint", created.values().toArray(Long[]::new));
        // Untouched products of the import, locked; with the units the import's entradas gave them, and whether any.
        List<StockLedger.Movimiento> takeBack = new ArrayList<>();
        List<Long> delete = new ArrayList<>();
        Set<Long> deactivate = new HashSet<>();
        Jdbc.list(tx, "SELECT p.id, s.units, s.moved FROM productos p JOIN imports i ON i.tenant_id = p.tenant_id AND i.id = p.import_id "
                        + "CROSS JOIN LATERAL (SELECT coalesce(sum(m.delta_total), 0)::int AS units, count(*) > 0 AS moved FROM stock_movimientos m "
                        + "WHERE m.tenant_id = p.tenant_id AND m.producto_id = p.id) s "
                        + "WHERE p.tenant_id = ? AND p.import_id = ? AND p.id = ANY(?::bigint[]) AND " + untouched(refs) + " ORDER BY p.id FOR UPDATE OF p",
                r -> {
                    long id = r.getLong(1);
                    int units = r.getInt(2);
                    if (!r.getBoolean(3)) {
                        delete.add(id);
                    } else {
                        deactivate.add(id);
                        if (units != 0) takeBack.add(new StockLedger.Movimiento(id, StockMotivo.AJUSTE, -units, 0, 0,
                                StockLedger.Documento.importacion(importId), "deshacer importación #" + importId));
                    }
                    return id;
                }, tenantId, importId, ids);
        ledger.append(tx, tenantId, null, takeBack);
        if (!deactivate.isEmpty()) {
            Jdbc.execute(tx, "UPDATE productos SET activo = false, updated_at = now() WHERE tenant_id = ? AND id = ANY(?::bigint[])", tenantId,
                    Jdbc.array("bigint", deactivate.toArray(Long[]::new)));
        }
        if (!delete.isEmpty()) {
            Jdbc.execute(tx, "DELETE FROM productos WHERE tenant_id = ? AND id = ANY(?::bigint[])", tenantId, Jdbc.array("bigint", delete.toArray(Long[]::new)));
        }
        Map<Integer, String> kept = new LinkedHashMap<>();
        Jdbc.list(tx, "SELECT r.line, r.target_id, p.id IS NOT NULL, " + reasonCase(refs) + " FROM import_rows r JOIN imports i ON i.tenant_id = r.tenant_id "
                        + "AND i.id = r.import_id LEFT JOIN productos p ON p.tenant_id = r.tenant_id AND p.id = r.target_id "
                        + "WHERE r.tenant_id = ? AND r.import_id = ? AND r.line = ANY(?::integer[])",
                row -> {
                    String reason = deactivate.contains(row.getLong(2)) ? "import.kept.stock_reversed" : row.getString(4);
                    if (reason == null && row.getBoolean(3)) reason = "import.kept.changed";
                    if (reason != null) kept.put(row.getInt(1), reason);
                    return 1;
                }, tenantId, importId, Jdbc.array("integer", created.keySet().toArray(Integer[]::new)));
        return kept;
    }

    /** Nothing points to product p of import i but the import's entrada, nobody edited it, no later import updated it. */
    private static String untouched(List<ForeignKeys.Reference> refs) {
        StringBuilder sql = new StringBuilder("p.updated_at = p.created_at AND " + LATER_IMPORT + " IS NULL");
        for (ForeignKeys.Reference ref : refs) {
            sql.append(" AND NOT ").append(ref.exists("p", ref.table().equals("stock_movimientos") ? OWN_ENTRADA : null));
        }
        return sql.toString();
    }

    /** Why product p stays (null: nothing keeps it; it was deleted or is about to be), reading import_rows r, imports i, productos p. */
    private static String reasonCase(List<ForeignKeys.Reference> refs) {
        StringBuilder sql = new StringBuilder("CASE WHEN p.id IS NULL THEN NULL WHEN p.import_id IS DISTINCT FROM r.import_id THEN 'import.kept.changed'"
                + " WHEN " + LATER_IMPORT + " IS NOT NULL THEN 'import.kept.later_import|' || " + LATER_IMPORT);
        for (ForeignKeys.Reference ref : refs) {
            String reason = REASONS.getOrDefault(ref.table(), "import.kept.referenced|" + ref.label());
            sql.append(" WHEN ").append(ref.exists("p", ref.table().equals("stock_movimientos") ? OWN_ENTRADA : null))
                    .append(" THEN ").append(DSL.inline(reason));
        }
        return sql.append(" WHEN p.updated_at <> p.created_at THEN 'import.kept.edited' END").toString();
    }

    @Override
    public Map<String, Integer> wouldKeep(DSLContext dsl, UUID tenantId, long importId) {
        List<ForeignKeys.Reference> refs = ForeignKeys.referencing(dsl, "public.productos");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Jdbc.list(dsl, "SELECT split_part(k.reason, '|', 1), count(*) FROM (SELECT coalesce(" + reasonCase(refs) + ", CASE WHEN EXISTS "
                        + "(SELECT 1 FROM stock_movimientos m WHERE m.tenant_id = p.tenant_id AND m.producto_id = p.id) THEN 'import.kept.stock_reversed' END)"
                        + " AS reason FROM import_rows r JOIN imports i ON i.tenant_id = r.tenant_id AND i.id = r.import_id "
                        + "LEFT JOIN productos p ON p.tenant_id = r.tenant_id AND p.id = r.target_id "
                        + "WHERE r.tenant_id = ? AND r.import_id = ? AND r.applied = 'created') k WHERE k.reason IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
                row -> counts.put(row.getString(1), row.getInt(2)), tenantId, importId);
        return counts;
    }
}
