package dev.mostrador.customers;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a merged customer went: the merge log's current winner of a loser id (the merge keeps it
 * current through later merges). A loser's old page says so, and an order placed for a loser the
 * moment it was merged is placed on the winner instead.
 */
public final class CustomerMerges {
    private CustomerMerges() {}

    /** The customer that holds a merged loser's rows now, with its name; empty if {@code loserId} was never merged in this tenant. */
    public record MergedInto(long winnerId, String winnerName) {}

    public static Optional<MergedInto> of(DSLContext dsl, UUID tenantId, long loserId) {
        List<MergedInto> found = Jdbc.list(dsl, "SELECT m.winner_id, c.name FROM public.customer_merges m"
                + " JOIN public.customers c ON c.tenant_id = m.tenant_id AND c.id = m.winner_id"
                + " WHERE m.tenant_id = ? AND m.loser_id = ?", r -> new MergedInto(r.getLong(1), r.getString(2)), tenantId, loserId);
        return found.stream().findFirst();
    }

    public static Optional<Long> winnerOf(DSLContext dsl, UUID tenantId, long loserId) {
        return of(dsl, tenantId, loserId).map(MergedInto::winnerId);
    }
}
