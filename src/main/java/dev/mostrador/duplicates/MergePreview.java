package dev.mostrador.duplicates;

import org.jooq.DSLContext;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A merge before it runs: the pair as in the URL (a, b), who wins, both customers' fields with the
 * side each value will come from, and the rows of each table that will move from the loser.
 */
public record MergePreview(long a, long b, long winnerId, long loserId, Map<String, String> winner, Map<String, String> loser,
                           Map<String, String> sides, Map<String, Long> moves) {

    static Optional<MergePreview> of(DSLContext dsl, CustomerMerger merger, UUID tenantId, long a, long b, long winnerId, long loserId,
                                     Map<String, String> picked) {
        var w = MergeFields.read(dsl, tenantId, winnerId);
        var l = MergeFields.read(dsl, tenantId, loserId);
        if (w.isEmpty() || l.isEmpty()) return Optional.empty();
        Map<String, String> sides = new java.util.LinkedHashMap<>();
        for (String f : MergeFields.NAMES) sides.put(f, picked.getOrDefault(f, MergeFields.defaultSide(w.get(), l.get(), f)));
        return Optional.of(new MergePreview(a, b, winnerId, loserId, w.get(), l.get(), sides, merger.preview(dsl, tenantId, loserId)));
    }

    /** "a" or "b": which of the URL's pair wins. */
    public String winnerSide() {
        return winnerId == a ? "a" : "b";
    }
}
