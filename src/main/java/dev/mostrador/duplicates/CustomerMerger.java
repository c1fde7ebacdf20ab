package dev.mostrador.duplicates;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merging two customers of a tenant, in the caller's transaction: both rows locked (id order, so
 * two merges never wait on each other in a circle); every row that points to the loser moved to
 * the winner (rows the winner already has under a unique key dropped); the loser logged in
 * customer_merges and deleted; the winner's fields set as picked. An order being placed for the
 * loser meanwhile holds a KEY SHARE lock on it: the merge waits for it and moves it, or the order's
 * foreign key check finds the loser gone and the order service places it on the winner.
 */
public final class CustomerMerger {
    /** What a merge did: rows moved and rows dropped as duplicates, per table. */
    public record Result(long mergeId, long winnerId, long loserId, Map<String, Long> moved, Map<String, Long> dropped) {}

    /** What a merge would move, per table, before it runs. */
    public Map<String, Long> preview(DSLContext dsl, UUID tenantId, long loserId) {
        return CustomerReferences.counts(dsl, CustomerReferences.all(dsl), tenantId, loserId);
    }

    public Result merge(DSLContext tx, UUID tenantId, long winnerId, long loserId, Map<String, String> sides, Long userId) {
        if (winnerId == loserId) throw new MergeRefused(422, "validation_failed", "loser_id", "must be another customer than the winner");
        List<Long> locked = Jdbc.list(tx, "SELECT id FROM public.customers WHERE tenant_id = ? AND id IN (?, ?) ORDER BY id FOR UPDATE",
                r -> r.getLong(1), tenantId, winnerId, loserId);
        if (!locked.contains(winnerId)) throw MergeRefused.notFound("winner_id", winnerId);
        if (!locked.contains(loserId)) throw MergeRefused.notFound("loser_id", loserId);
        Map<String, String> values = MergeFields.resolve(MergeFields.read(tx, tenantId, winnerId).orElseThrow(),
                MergeFields.read(tx, tenantId, loserId).orElseThrow(), sides);
        String loserRow = tx.fetchValue("SELECT to_jsonb(c)::text FROM public.customers c WHERE tenant_id = ? AND id = ?", tenantId, loserId)
                .toString();
        // The one change the ledger lets through (V035): its rows change customer, nothing else.
        tx.fetch("SELECT set_config('mostrador.customer_merge', 'on', true)");
        Map<String, Long> moved = new LinkedHashMap<>();
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (CustomerReferences.Reference ref : CustomerReferences.all(tx)) {
            int d = CustomerReferences.dropClashes(tx, ref, tenantId, winnerId, loserId);
            int m = CustomerReferences.move(tx, ref, tenantId, winnerId, loserId);
            if (d > 0) dropped.merge(ref.label(), (long) d, Long::sum);
            if (m > 0) moved.merge(ref.label(), (long) m, Long::sum);
        }
        tx.fetch("SELECT set_config('mostrador.customer_merge', 'off', true)");
        long mergeId = ((Number) tx.fetchValue("INSERT INTO public.customer_merges (tenant_id, winner_id, first_winner_id, loser_id, loser,"
                + " moved, merged_by) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id", tenantId, winnerId, winnerId, loserId, loserRow,
                json(moved, dropped), userId)).longValue();
        tx.execute("DELETE FROM public.customers WHERE tenant_id = ? AND id = ?", tenantId, loserId);
        var update = tx.update(DSL.table(DSL.name("public", "customers"))).set(DSL.field(DSL.name("updated_at")), DSL.currentOffsetDateTime());
        for (var e : values.entrySet()) update = update.set(DSL.field(DSL.name(e.getKey()), String.class), e.getValue());
        update.where(DSL.field(DSL.name("tenant_id")).eq(tenantId), DSL.field(DSL.name("id")).eq(winnerId)).execute();
        checkLedger(tx, tenantId, winnerId);
        return new Result(mergeId, winnerId, loserId, moved, dropped);
    }

    /** The ledger is the truth: after the merge the winner's balance is the sum of its ledger, or nothing is merged. */
    private static void checkLedger(DSLContext tx, UUID tenantId, long winnerId) {
        Boolean right = (Boolean) tx.fetchValue("SELECT c.lumis_balance = coalesce((SELECT sum(f.amount) FROM public.fact_accumulations f"
                + " WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id), 0) FROM public.customers c WHERE c.tenant_id = ? AND c.id = ?",
                tenantId, winnerId);
        if (!Boolean.TRUE.equals(right)) {
            throw new MergeRefused(409, "ledger_mismatch", "winner_id", "the lümis balance would not equal the ledger; nothing was merged");
        }
    }

    private static String json(Map<String, Long> moved, Map<String, Long> dropped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("moved", moved);
        m.put("dropped", dropped);
        try {
            return dev.mostrador.platform.web.JsonInput.MAPPER.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
