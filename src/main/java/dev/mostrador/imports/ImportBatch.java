package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.List;
import java.util.UUID;

/**
 * The frame every kind's commit batch runs in, inside the batch's transaction: the tenant's turn
 * (commits of one kind and tenant take turns on a transaction-level advisory lock, so two imports
 * of one file cannot both find "no such row" and create it twice), the import locked, the next
 * rows after imports.committed_line, and at the end each row marked with what it did and the
 * import moved past the batch's last line in the same transaction: a commit stopped anywhere
 * resumes after the last batch that committed, never writing a row twice.
 */
final class ImportBatch {
    static final int SIZE = 1_000;

    /** The import being committed: the line its last batch ended on, its key and mode, who started the commit. */
    record Job(int after, String key, String mode, Long committedBy) {}

    private ImportBatch() {}

    /** The tenant's turn and the import locked; null when the import is not committing (done, undone, another state). */
    static Job start(DSLContext tx, UUID tenantId, long importId, String kind) {
        lockTenant(tx, tenantId, kind);
        List<Object[]> job = Jdbc.list(tx, "SELECT committed_line, match_key, mode, state, committed_by FROM imports WHERE tenant_id = ? AND id = ? FOR UPDATE",
                r -> new Object[] {r.getInt(1), r.getString(2), r.getString(3), r.getString(4), (Long) r.getObject(5)}, tenantId, importId);
        if (job.isEmpty() || !"importing".equals(job.get(0)[3])) return null;
        Object[] j = job.get(0);
        return new Job((Integer) j[0], (String) j[1], (String) j[2], (Long) j[4]);
    }

    /** The tenant's imports of one kind take turns: a commit batch, an undo batch, one at a time, until the transaction ends. */
    static void lockTenant(DSLContext tx, UUID tenantId, String kind) {
        Jdbc.execute(tx, "SELECT pg_advisory_xact_lock(hashtextextended('mostrador.imports." + kind + ":' || ?, 0))", tenantId.toString());
    }

    /** The next rows to apply; none left: the import is done (and false is what the caller returns). */
    static List<ImportRows.Row> next(DSLContext tx, UUID tenantId, long importId, Job job) {
        List<ImportRows.Row> rows = Jdbc.list(tx, "SELECT line, data::text FROM import_rows WHERE import_id = ? AND tenant_id = ? AND line > ? "
                        + "AND class IN ('new', 'update') ORDER BY line LIMIT " + SIZE,
                r -> new ImportRows.Row(r.getInt(1), ImportRepository.map(JSONB.valueOf(r.getString(2)))), importId, tenantId, job.after());
        if (rows.isEmpty()) {
            Jdbc.execute(tx, "UPDATE imports SET state = 'done', finished_at = now() WHERE tenant_id = ? AND id = ?", tenantId, importId);
        }
        return rows;
    }

    /** Each row marked applied as decided now ({@code created}: the new rows' ids, in order), and the import moved past the batch. */
    static void finish(DSLContext tx, UUID tenantId, long importId, List<ImportRows.Row> rows, List<ImportRows.Decision> decisions,
                       List<Long> created) {
        int n = decisions.size(), c = 0;
        Integer[] lines = new Integer[n];
        String[] applied = new String[n], reasons = new String[n], fields = new String[n];
        Long[] targets = new Long[n];
        int createdCount = 0, updatedCount = 0, skipped = 0;
        for (int i = 0; i < n; i++) {
            ImportRows.Decision d = decisions.get(i);
            lines[i] = d.line();
            switch (d.cls()) {
                case "new" -> { applied[i] = "created"; targets[i] = created.get(c++); createdCount++; }
                case "update" -> { applied[i] = "updated"; targets[i] = d.targetId(); updatedCount++; }
                case "unchanged" -> { applied[i] = "unchanged"; targets[i] = d.targetId(); skipped++; }
                default -> { applied[i] = "error"; reasons[i] = d.reason(); fields[i] = d.field(); skipped++; }
            }
        }
        Jdbc.execute(tx, "UPDATE import_rows r SET applied = u.applied, target_id = u.target, "
                + "reason = coalesce(u.reason, r.reason), field = coalesce(u.field, r.field) "
                + "FROM unnest(?::integer[], ?::text[], ?::bigint[], ?::text[], ?::text[]) AS u(line, applied, target, reason, field) "
                + "WHERE r.import_id = ? AND r.tenant_id = ? AND r.line = u.line",
                Jdbc.array("integer", lines), Jdbc.array("text", applied), Jdbc.array("bigint", targets), Jdbc.array("text", reasons),
                Jdbc.array("text", fields), importId, tenantId);
        Jdbc.execute(tx, "UPDATE imports SET committed_line = ?, committed_rows = committed_rows + ?, created_rows = created_rows + ?, "
                + "updated_rows = updated_rows + ?, skipped_rows = skipped_rows + ? WHERE tenant_id = ? AND id = ?",
                rows.get(rows.size() - 1).line(), n, createdCount, updatedCount, skipped, tenantId, importId);
    }
}
