package dev.mostrador.imports;

import org.jooq.DSLContext;

import java.util.Map;
import java.util.UUID;

/**
 * What undoing an import means for one kind of row: customers ({@link CustomerUndo}); products plug
 * in the same way. {@link ImportUndo} drives the batches, the states and the counts; a kind only
 * says which of the rows its import created may go, and why the others stay.
 */
interface ImportUndoKind {
    /** Takes the lock this kind's commit takes, for the caller's transaction: an undo batch and a commit batch take turns. */
    void lock(DSLContext tx, UUID tenantId);

    /**
     * Deletes, in the caller's transaction, the rows among {@code created} (import line → id of the
     * row it created) that nobody touched since; returns the ones kept, line → reason (a message key,
     * "key|argument" when it names something). A line left out of the answer is undone.
     */
    Map<Integer, String> undo(DSLContext tx, UUID tenantId, long importId, Map<Integer, Long> created);

    /** Nothing deleted: how many rows the import created would be kept, per reason key (the confirm page). */
    Map<String, Integer> wouldKeep(DSLContext dsl, UUID tenantId, long importId);
}
