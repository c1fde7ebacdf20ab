package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Undoing an import, by batches of rows it created, each batch one transaction: the kind deletes
 * what nobody touched and says why it keeps the rest, the batch's import rows become 'undone' or
 * 'kept' (with the reason) and the counts move, together. A row is taken only while it is still
 * 'created', so an undo stopped anywhere (a crash, a restart) is finished by running it again, and
 * running it twice does nothing twice. Rows the import updated are not reverted: the values they
 * replaced were not kept, and someone may have built on them since.
 */
final class ImportUndo {
    static final int BATCH = 1_000;

    /** Why an import cannot be undone now: a message key for the page. */
    enum Refusal {
        NOT_DONE("import.undo.not_done"), ALREADY("import.undo.already"), KIND("import.undo.kind");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    private final DSLContext dsl;
    private final Map<String, ImportUndoKind> kinds;

    ImportUndo(DSLContext dsl, Map<String, ImportUndoKind> kinds) {
        this.dsl = dsl;
        this.kinds = Map.copyOf(kinds);
    }

    DSLContext dsl() {
        return dsl;
    }

    /** Why this import cannot be undone, or empty when it can. */
    Optional<Refusal> refusal(ImportJob job) {
        if (!kinds.containsKey(job.kind())) return Optional.of(Refusal.KIND);
        if (job.state().equals("undoing") || job.state().equals("undone")) return Optional.of(Refusal.ALREADY);
        return job.state().equals("done") ? Optional.empty() : Optional.of(Refusal.NOT_DONE);
    }

    ImportUndoPreview preview(UUID tenantId, ImportJob job) {
        Map<String, Integer> keep = kinds.get(job.kind()).wouldKeep(dsl, tenantId, job.id());
        int created = ((Number) dsl.fetchValue("SELECT count(*) FROM import_rows WHERE tenant_id = ? AND import_id = ? AND applied = 'created'",
                tenantId, job.id())).intValue();
        return new ImportUndoPreview(created - keep.values().stream().mapToInt(Integer::intValue).sum(), keep);
    }

    /** done → undoing, once (a second click, two tabs, or an import that is not done: false); the caller checked {@link #refusal}. */
    boolean start(UUID tenantId, long importId, long userId) {
        return dsl.execute("UPDATE imports SET state = 'undoing', undone_by = ? WHERE tenant_id = ? AND id = ? AND state = 'done'",
                userId, tenantId, importId) == 1;
    }

    /** Undoes the next batch after {@code afterLine[0]} (moved past it); false when none was left and the import is now undone. */
    boolean nextBatch(UUID tenantId, long importId, int[] afterLine) {
        return dsl.transactionResult(cfg -> batch(cfg.dsl(), tenantId, importId, afterLine));
    }

    private boolean batch(DSLContext tx, UUID tenantId, long importId, int[] afterLine) {
        String kind = (String) tx.fetchValue("SELECT kind FROM imports WHERE tenant_id = ? AND id = ?", tenantId, importId);
        ImportUndoKind undo = kinds.get(kind);
        if (undo == null) return false;
        undo.lock(tx, tenantId);
        Object state = tx.fetchValue("SELECT state FROM imports WHERE tenant_id = ? AND id = ? FOR UPDATE", tenantId, importId);
        if (!"undoing".equals(state)) return false;
        Map<Integer, Long> created = new LinkedHashMap<>();
        Jdbc.list(tx, "SELECT line, target_id FROM import_rows WHERE tenant_id = ? AND import_id = ? AND line > ? AND applied = 'created' "
                + "ORDER BY line LIMIT " + BATCH, r -> created.put(r.getInt(1), r.getLong(2)), tenantId, importId, afterLine[0]);
        if (created.isEmpty()) {
            tx.execute("UPDATE imports SET state = 'undone', undone_at = now(), failure = NULL WHERE tenant_id = ? AND id = ?", tenantId, importId);
            return false;
        }
        Map<Integer, String> kept = undo.undo(tx, tenantId, importId, created);
        int n = created.size(), i = 0;
        Integer[] lines = new Integer[n];
        String[] applied = new String[n], reasons = new String[n];
        for (Integer line : created.keySet()) {
            lines[i] = line;
            applied[i] = kept.containsKey(line) ? "kept" : "undone";
            reasons[i++] = kept.get(line);
        }
        Jdbc.execute(tx, "UPDATE import_rows r SET applied = u.applied, reason = u.reason "
                + "FROM unnest(?::integer[], ?::text[], ?::text[]) AS u(line, applied, reason) "
                + "WHERE r.tenant_id = ? AND r.import_id = ? AND r.line = u.line",
                Jdbc.array("integer", lines), Jdbc.array("text", applied), Jdbc.array("text", reasons), tenantId, importId);
        tx.execute("UPDATE imports SET undone_rows = undone_rows + ?, kept_rows = kept_rows + ? WHERE tenant_id = ? AND id = ?",
                n - kept.size(), kept.size(), tenantId, importId);
        afterLine[0] = lines[n - 1];
        return true;
    }

    /** Imports left undoing (a restart, a crash): the worker takes them up again. */
    List<Long> inFlight() {
        return Jdbc.list(dsl, "SELECT id FROM imports WHERE state = 'undoing' ORDER BY id", r -> r.getLong(1));
    }
}
