package dev.mostrador.bench;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.Locale;

/**
 * What PostgreSQL wrote between two snapshots: WAL bytes and full-page images (pg_stat_wal),
 * checkpoints, and autovacuum/autoanalyze runs. Writes cost the database CPU that no query plan
 * shows: a page's first change after a checkpoint copies the whole 8 KB page into the WAL.
 */
record WalUsage(long bytes, long fullPages, long checkpoints, long autovacuums, boolean known) {

    static WalUsage snapshot(DSLContext dsl) {
        try {
            Record wal = dsl.fetchOne("SELECT wal_bytes::bigint, wal_fpi FROM pg_stat_wal");
            boolean pg17 = dsl.fetchExists(dsl.selectOne().from("pg_catalog.pg_views").where("viewname = 'pg_stat_checkpointer'"));
            long checkpoints = dsl.fetchOne(pg17 ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter").get(0, Long.class);
            long autovacuums = dsl.fetchOne("SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::bigint FROM pg_stat_all_tables")
                    .get(0, Long.class);
            return new WalUsage(wal.get(0, Long.class), wal.get(1, Long.class), checkpoints, autovacuums, true);
        } catch (RuntimeException e) {
            return new WalUsage(0, 0, 0, 0, false);
        }
    }

    /** "WAL 12.3 KB and 1.2 full pages per request; 1 checkpoint, 3 autovacuum/analyze runs". */
    String perRequest(WalUsage before, long requests) {
        if (!known || !before.known || requests == 0) return "WAL unknown";
        return String.format(Locale.ROOT, "WAL %.1f KB and %.2f full-page images per request; %d checkpoint(s), %d autovacuum/analyze run(s)",
                (bytes - before.bytes) / 1024.0 / requests, (double) (fullPages - before.fullPages) / requests,
                checkpoints - before.checkpoints, autovacuums - before.autovacuums);
    }
}
