package dev.mostrador.imports;

import dev.mostrador.duplicates.CustomerReferences;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Undoing a customers import: a customer it created goes only if nobody touched it since. It stays
 * when any row points to it (every foreign key to customers, found in pg_catalog, so a table added
 * later keeps its customers too: edits, merges, lümis, redemptions, visits, orders, carts,
 * interests…), when a later import updated it, or when its updated_at moved. The check is the
 * DELETE's own WHERE, so a customer edited while the undo waits for its row lock is re-checked and
 * kept. A row that something refuses to let go anyway (a foreign key violation: a visit inserted in
 * that instant, a trigger) sends the batch to one savepoint per customer, and that one is kept.
 */
final class CustomerUndo implements ImportUndoKind {
    /** The reason a reference gives, in the order they are told: the first that holds is the one the page shows. */
    private static final Map<String, String> REASONS = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("customer_merges", "import.kept.merged");
        r.put("customer_changes", "import.kept.edited");
        r.put("fact_accumulations", "import.kept.lumis");
        r.put("rewards.user_redemptions", "import.kept.redemptions");
        r.put("visitas", "import.kept.visits");
        r.put("pedidos", "import.kept.orders");
        r.put("carritos", "import.kept.carts");
        r.put("customer_intereses", "import.kept.interests");
        return r;
    }

    /** A later customers import that updated the customer (import rows are not a foreign key: they are found apart). */
    private static final String LATER_IMPORT = "SELECT min(o.import_id) FROM import_rows o JOIN imports oi ON oi.tenant_id = o.tenant_id AND oi.id = o.import_id"
            + " WHERE o.tenant_id = c.tenant_id AND o.target_id = c.id AND o.import_id <> c.import_id AND o.applied = 'updated' AND oi.kind = 'customers'";

    @Override
    public void lock(DSLContext tx, UUID tenantId) {
        ImportBatch.lockTenant(tx, tenantId, "customers");
    }

    @Override
    public Map<Integer, String> undo(DSLContext tx, UUID tenantId, long importId, Map<Integer, Long> created) {
        List<CustomerReferences.Reference> refs = references(tx);
        Long[] ids = created.values().toArray(Long[]::new);
        Set<Long> refused = new HashSet<>();
        try {
            delete(tx, refs, tenantId, importId, ids);
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) throw e;
            for (Long id : ids) {
                try {
                    delete(tx, refs, tenantId, importId, new Long[] {id});
                } catch (DataAccessException one) {
                    if (one.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) throw one;
                    refused.add(id);
                }
            }
        }
        // What is left of the batch: kept (a reason), or gone before the undo came (merged into another: kept, it lives on there).
        Map<Integer, String> kept = new LinkedHashMap<>();
        Jdbc.list(tx, "SELECT r.line, r.target_id, c.id IS NOT NULL, " + reasonCase(refs) + " FROM import_rows r "
                        + "LEFT JOIN customers c ON c.tenant_id = r.tenant_id AND c.id = r.target_id "
                        + "WHERE r.tenant_id = ? AND r.import_id = ? AND r.line = ANY(?::integer[])",
                row -> {
                    String reason = row.getString(4);
                    boolean exists = row.getBoolean(3);
                    if (reason == null && exists) reason = refused.contains(row.getLong(2)) ? "import.kept.refused" : "import.kept.changed";
                    if (reason != null) kept.put(row.getInt(1), reason);
                    return 1;
                }, tenantId, importId, Jdbc.array("integer", created.keySet().toArray(Integer[]::new)));
        return kept;
    }

    /** One DELETE in a savepoint: a foreign key violation undoes it alone, not the batch's transaction. */
    private static void delete(DSLContext tx, List<CustomerReferences.Reference> refs, UUID tenantId, long importId, Long[] ids) {
        StringBuilder sql = new StringBuilder("DELETE FROM customers c WHERE c.tenant_id = ? AND c.import_id = ? AND c.id = ANY(?::bigint[]) "
                + "AND c.updated_at = c.created_at AND (" + LATER_IMPORT + ") IS NULL");
        for (CustomerReferences.Reference ref : refs) sql.append(" AND NOT ").append(exists(ref));
        tx.transaction(savepoint -> Jdbc.execute(savepoint.dsl(), sql.toString(), tenantId, importId, Jdbc.array("bigint", ids)));
    }

    /** Why a customer of the import stays (null: nothing keeps it), reading import_rows r and customers c; no binds. */
    private static String reasonCase(List<CustomerReferences.Reference> refs) {
        StringBuilder sql = new StringBuilder("CASE WHEN c.id IS NULL THEN (SELECT 'import.kept.merged_into|' || m.winner_id FROM customer_merges m "
                + "WHERE m.tenant_id = r.tenant_id AND m.loser_id = r.target_id)"
                + " WHEN c.import_id IS DISTINCT FROM r.import_id THEN 'import.kept.changed'");
        List<CustomerReferences.Reference> ordered = new ArrayList<>(refs);
        ordered.sort(Comparator.comparingInt(CustomerUndo::rank));
        boolean laterTold = false;
        for (CustomerReferences.Reference ref : ordered) {
            if (!laterTold && rank(ref) >= 2) { // after merges and edits, a later import says most about why it stays
                sql.append(LATER_REASON);
                laterTold = true;
            }
            String reason = REASONS.getOrDefault(ref.label(), "import.kept.referenced|" + ref.label());
            sql.append(" WHEN ").append(exists(ref)).append(" THEN ").append(DSL.inline(reason));
        }
        if (!laterTold) sql.append(LATER_REASON);
        return sql.append(" WHEN c.updated_at <> c.created_at THEN 'import.kept.edited' END").toString();
    }

    private static final String LATER_REASON = " WHEN (" + LATER_IMPORT + ") IS NOT NULL THEN 'import.kept.later_import|' || (" + LATER_IMPORT + ")";

    private static int rank(CustomerReferences.Reference ref) {
        List<String> known = List.copyOf(REASONS.keySet());
        return known.contains(ref.label()) ? known.indexOf(ref.label()) : known.size();
    }

    private static String exists(CustomerReferences.Reference ref) {
        String scope = ref.tenantColumn() == null ? "" : "x." + DSL.name(ref.tenantColumn()) + " = c.tenant_id AND ";
        return "EXISTS (SELECT 1 FROM " + ref.qualified() + " x WHERE " + scope + "x." + DSL.name(ref.column()) + " = c.id)";
    }

    /** Every foreign key to customers but from customers itself (none today; it could never keep a customer sensibly). */
    private static List<CustomerReferences.Reference> references(DSLContext ctx) {
        return CustomerReferences.all(ctx).stream().filter(r -> !r.label().equals("customers")).toList();
    }

    @Override
    public Map<String, Integer> wouldKeep(DSLContext dsl, UUID tenantId, long importId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Jdbc.list(dsl, "SELECT split_part(k.reason, '|', 1), count(*) FROM (SELECT " + reasonCase(references(dsl)) + " AS reason FROM import_rows r "
                        + "LEFT JOIN customers c ON c.tenant_id = r.tenant_id AND c.id = r.target_id "
                        + "WHERE r.tenant_id = ? AND r.import_id = ? AND r.applied = 'created') k WHERE k.reason IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
                row -> counts.put(row.getString(1), row.getInt(2)), tenantId, importId);
        return counts;
    }
}
