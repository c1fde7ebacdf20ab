package dev.mostrador.rewards.common;

import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The audit rows no trigger writes (a merchant's look-up, an unknown code, a rate limit), written
 * by one background thread: it lets rows gather for 5 ms and inserts them in one statement. A
 * point of sale looking codes up hundreds of times a second then costs PostgreSQL one insert per
 * batch instead of one round trip and one commit per look-up. Such rows need not survive a crash
 * of the last few milliseconds, so a batch's commit does not wait for the WAL flush; {@link #close} writes what is queued. When the
 * queue is full (the database slower than the look-ups) the request writes its own row.
 */
public final class AuditWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long LINGER_MILLIS = 5;
    private static final Row STOP = new Row(null, null, null, null, null, null, null, null, 0);

    private final DSLContext dsl;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread thread;

    /** {@code atMicros}: when it happened (the request), not when the batch is written; microseconds since 1970. */
    record Row(UUID tenantId, UUID redemptionId, String action, String actorType, String actorId, String ip,
               String userAgent, Map<String, Object> metadata, long atMicros) {}

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
        Row row = new Row(tenantId, redemptionId, action, audit.actorType(), audit.actorId(), audit.ip(), audit.userAgent(), all,
                ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
        if (!thread.isAlive() || !queue.offer(row)) write(List.of(row));
    }

    private void run() {
        List<Row> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
                // Let a batch gather: one insert every few milliseconds, not one per look-up.
                if (batch.get(0) != STOP) Thread.sleep(LINGER_MILLIS);
            } catch (InterruptedException e) {
                stop = true;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            stop |= batch.removeIf(r -> r == STOP);
            if (stop) queue.drainTo(batch);
            if (!batch.isEmpty()) {
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    LOG.error("could not write {} audit row(s): {}", batch.size(), e.toString());
                }
            }
            batch.clear();
        }
    }

    /**
     * One INSERT for the batch, the same statement text whatever its size (arrays unnested), so
     * PostgreSQL plans it once per connection; set_config(..., true) turns synchronous_commit off
     * for this statement's own transaction only. Plain JDBC ({@link Jdbc}): jOOQ's array binding
     * took most of this thread's CPU.
     */
    private void write(List<Row> rows) {
        int n = rows.size();
        // All as text, cast by PostgreSQL: the driver's binary uuid arrays grow a buffer byte by byte.
        String[][] text = new String[8][n];
        Long[] at = new Long[n]; // a number, not a formatted date: formatting took a tenth of this thread's CPU
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            text[0][i] = Objects.toString(r.tenantId(), null);
            text[1][i] = Objects.toString(r.redemptionId(), null);
            text[2][i] = r.action();
            text[3][i] = r.actorType();
            text[4][i] = r.actorId();
            text[5][i] = r.ip();
            text[6][i] = r.userAgent();
            text[7][i] = toJson(r.metadata()); // here, on the writer's thread, not on the request's
            at[i] = r.atMicros();
        }
        Object[] binds = new Object[text.length + 1];
        for (int column = 0; column < text.length; column++) binds[column] = Jdbc.array("text", text[column]);
        binds[text.length] = Jdbc.array("bigint", at);
        Jdbc.execute(dsl, INSERT, binds);
    }

    private static final String INSERT = "INSERT INTO rewards.redemption_audit_log (tenant_id, redemption_id, action, actor_type, "
            + "actor_id, ip_address, user_agent, metadata, created_at) "
            + "SELECT v.tenant_id::uuid, v.redemption_id::uuid, v.action, v.actor_type, v.actor_id, v.ip::inet, v.user_agent, v.metadata::jsonb, "
            + "'epoch'::timestamptz + v.created_at_micros * interval '1 microsecond' "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) "
            + "AS v(tenant_id, redemption_id, action, actor_type, actor_id, ip, user_agent, metadata, created_at_micros), "
            + "(SELECT set_config('synchronous_commit', 'off', true)) AS no_fsync_wait";

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
            return IdempotentApi.JSON.writeValueAsString(metadata);
        } catch (Exception e) {
            return "{}";
        }
    }
}
