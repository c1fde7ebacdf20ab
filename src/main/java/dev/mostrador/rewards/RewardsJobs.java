package dev.mostrador.rewards;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;

import static dev.mostrador.db.rewards.Tables.REDEMPTION_AUDIT_LOG;

/** The rewards program's periodic work; safe to run from several instances at once. */
public final class RewardsJobs {
    public static final int BATCH = 1000;
    private final DSLContext dsl;

    public RewardsJobs(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Expires every pending code past its time, refunding and restocking each once; returns how many. */
    public int expireRedemptions() {
        int total = 0;
        while (true) {
            Integer n = dsl.transactionResult(cfg -> cfg.dsl()
                    .select(DSL.field("rewards.expire_old_redemptions({0})", Integer.class, DSL.val(BATCH))).fetchOne(0, Integer.class));
            total += n == null ? 0 : n;
            if (n == null || n < BATCH) return total;
        }
    }

    /** Deletes audit rows older than {@code days}, in batches so the table is never locked for long. */
    public int purgeAudit(int days) {
        OffsetDateTime cutoff = OffsetDateTime.now().minusDays(days);
        int total = 0;
        while (true) {
            // Typed, not plain SQL: a plain-SQL OffsetDateTime is bound as varchar, which PostgreSQL
            // refuses to compare with timestamptz.
            int n = dsl.deleteFrom(REDEMPTION_AUDIT_LOG)
                    .where(REDEMPTION_AUDIT_LOG.LOG_ID.in(DSL.select(REDEMPTION_AUDIT_LOG.LOG_ID).from(REDEMPTION_AUDIT_LOG)
                            .where(REDEMPTION_AUDIT_LOG.CREATED_AT.lt(cutoff)).limit(5000)))
                    .execute();
            total += n;
            if (n < 5000) return total;
        }
    }
}
