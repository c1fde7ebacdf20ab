package dev.mostrador.bench;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Locale;

/**
 * What the database a benchmark ran on promised about durability, read from the server itself
 * ({@code SHOW}), not from what the benchmark asked for: with {@code fsync} or
 * {@code synchronous_commit} off a commit is answered before it is on disk, and writes look
 * several times cheaper than they are in production. Also where to reach the server (for pgbench).
 */
record DatabaseSettings(String where, String version, String fsync, String synchronousCommit, String fullPageWrites,
                        String walSyncMethod, String walCompression, String commitDelay, String commitSiblings,
                        String sharedBuffers, String checkpointTimeout, String maxWalSize,
                        String database, String user, String host, int port) {

    static DatabaseSettings read(DSLContext dsl, String where) {
        Record r = dsl.fetchOne("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), "
                + "current_setting('full_page_writes'), current_setting('wal_sync_method'), current_setting('wal_compression'), "
                + "current_setting('commit_delay'), current_setting('commit_siblings'), current_setting('shared_buffers'), "
                + "current_setting('checkpoint_timeout'), current_setting('max_wal_size'), "
                + "current_database(), current_user, coalesce(host(inet_server_addr()), ''), coalesce(inet_server_port(), current_setting('port')::int)");
        return new DatabaseSettings(where, r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class), r.get(8, String.class),
                r.get(9, String.class), r.get(10, String.class), r.get(11, String.class), r.get(12, String.class), r.get(13, String.class),
                r.get(14, Integer.class));
    }

    /** An answered commit survives a crash of the server or the machine, and no crash can leave a torn page. */
    boolean durable() {
        return "on".equals(fsync) && "on".equals(fullPageWrites) && List.of("on", "local", "remote_write", "remote_apply").contains(synchronousCommit);
    }

    /** The lines of a benchmark's header. */
    List<String> describe() {
        return List.of(
                String.format(Locale.ROOT, "database: %s, PostgreSQL %s, %s", where, version,
                        durable() ? "DURABLE (an answered commit is on disk)" : "NOT DURABLE (commits answered before they are on disk: writes look cheaper than in production)"),
                String.format(Locale.ROOT, "database settings: fsync=%s, synchronous_commit=%s, full_page_writes=%s, wal_sync_method=%s, "
                                + "wal_compression=%s, commit_delay=%s, commit_siblings=%s, shared_buffers=%s, checkpoint_timeout=%s, max_wal_size=%s",
                        fsync, synchronousCommit, fullPageWrites, walSyncMethod, walCompression, commitDelay, commitSiblings, sharedBuffers,
                        checkpointTimeout, maxWalSize));
    }
}
