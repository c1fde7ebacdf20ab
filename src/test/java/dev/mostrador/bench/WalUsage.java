package dev.mostrador.bench;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.Locale;

/**
 * What PostgreSQL wrote between two snapshots: WAL bytes and full-page images (pg_stat_wal),
 * checkpoints, and autovacuum/autoanalyze runs. Writes cost the database CPU that no query plan
 * shows: a page's first change after a checkpoint copies the whole 8 KB page into the WAL.
 */
record WalUsage(long bytes, long fullPages, long checkpoints, long autovacuums, long commits, long flushes, boolean known) {

    static WalUsage snapshot(DSLContext dsl) {
        try {
            Record wal = dsl.fetchOne("SELECT wal_bytes::bigint, wal_fpi, wal_sync FROM pg_stat_wal");
            // Every transaction of this database, read-only ones (a SELECT in autocommit) included.
            long commits = dsl.fetchOne("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").get(0, Long.class);
            boolean pg17 = dsl.fetchExists(dsl.selectOne().from("pg_catalog.pg_views").where("viewname = 'pg_stat_checkpointer'"));
            long checkpoints = dsl.fetchOne(pg17 ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter").get(0, Long.class);
            long autovacuums = dsl.fetchOne("SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::bigint FROM pg_stat_all_tables")
                    .get(0, Long.class);
            return new WalUsage(wal.get(0, Long.class), wal.get(1, Long.class), checkpoints, autovacuums, commits, wal.get(2, Long.class), true);
        } catch (RuntimeException e) {
            return new WalUsage(0, 0, 0, 0, 0, 0, false);
        }
    }

    /**
     * "WAL 12.3 KB, 1.20 full-page images, 1.00 transactions and 0.25 WAL flushes per request; 1
     * checkpoint, 3 autovacuum/analyze runs". Transactions are the database's (the server's
     * other databases apart); flushes (fdatasync of the WAL, by committing backends or the WAL
     * writer) are the whole server's: fewer flushes than commits is group commit at work.
     */
    String perRequest(WalUsage before, long requests) {
        if (!known || !before.known || requests == 0) return "WAL unknown";
        return String.format(Locale.ROOT, "WAL %.1f KB, %.2f full-page images, %.2f transactions and %.2f WAL flushes per request; "
                        + "%d checkpoint(s), %d autovacuum/analyze run(s)",
                (bytes - before.bytes) / 1024.0 / requests, (double) (fullPages - before.fullPages) / requests,
                (double) (commits - before.commits) / requests, (double) (flushes - before.flushes) / requests,
                checkpoints - before.checkpoints, autovacuums - before.autovacuums);
    }
}
