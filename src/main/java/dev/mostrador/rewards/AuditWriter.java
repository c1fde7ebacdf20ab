package dev.mostrador.rewards;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The audit rows no trigger writes (a merchant's look-up, an unknown code, a rate limit), written
 * by one background thread: it takes whatever rows have queued up and inserts them in one
 * statement, usually within a millisecond of the request. A point of sale looking codes up
 * hundreds of times a second then costs PostgreSQL one insert per batch instead of one round trip
 * and one commit per look-up. Such rows need not survive a crash of the last few milliseconds, so
 * a batch's commit does not wait for the WAL flush; {@link #close} writes what is queued. When the
 * queue is full (the database slower than the look-ups) the request writes its own row.
 */
public final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 500;
    private static final Row STOP = new Row(null, null, null, null, null, null, null, null, null);

    private final DSLContext dsl;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread thread;

    /** {@code at}: when it happened (the request), not when the batch is written. */
    record Row(UUID tenantId, UUID redemptionId, String action, String actorType, String actorId, String ip,
               String userAgent, String metadata, OffsetDateTime at) {}

    public AuditWriter(DSLContext dsl) {
        this.dsl = dsl;
        this.thread = new Thread(this::run, "rewards-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public void add(UUID tenantId, UUID redemptionId, String action, AuditContext audit, Map<String, Object> metadata) {
        // The request's own metadata (the channel: api or web) first, then what this row adds.
        Map<String, Object> all = new LinkedHashMap<>(audit.metadata() == null ? Map.of() : audit.metadata());
        all.putAll(metadata);
        Row row = new Row(tenantId, redemptionId, action, audit.actorType(), audit.actorId(), audit.ip(), audit.userAgent(), toJson(all),
                OffsetDateTime.now());
        if (!thread.isAlive() || !queue.offer(row)) write(List.of(row));
    }

    private void run() {
        List<Row> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                queue.drainTo(batch);
            }
            boolean stop = batch.removeIf(r -> r == STOP) || Thread.currentThread().isInterrupted();
            if (stop) queue.drainTo(batch);
            if (!batch.isEmpty()) {
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    LOG.error("could not write {} audit row(s): {}", batch.size(), e.toString());
                }
            }
            batch.clear();
            if (stop) return;
        }
    }

    /** One INSERT for the batch; plain SQL for the inet and jsonb casts. */
    private void write(List<Row> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO rewards.redemption_audit_log (tenant_id, redemption_id, action, actor_type, "
                + "actor_id, ip_address, user_agent, metadata, created_at) SELECT v.* FROM (VALUES ");
        Object[] binds = new Object[rows.size() * 9];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?::uuid, ?::uuid, ?, ?, ?, ?::inet, ?, ?::jsonb, ?::timestamptz)");
            Object[] values = {r.tenantId(), r.redemptionId(), r.action(), r.actorType(), r.actorId(), r.ip(), r.userAgent(), r.metadata(), r.at()};
            System.arraycopy(values, 0, binds, i * 9, 9);
        }
        // set_config(…, true) turns synchronous_commit off for this statement's own transaction only.
        sql.append(") AS v, (SELECT set_config('synchronous_commit', 'off', true)) AS no_fsync_wait");
        dsl.execute(sql.toString(), binds);
    }

    /** Writes what is queued and stops the thread. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String toJson(Map<String, Object> metadata) {
        try {
            return RewardsApiSupport.JSON.writeValueAsString(metadata);
        } catch (Exception e) {
            return "{}";
        }
    }
}
