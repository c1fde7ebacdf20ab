package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.Tokens;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import static dev.mostrador.db.public_.Tables.IDEMPOTENCY_KEYS;

/**
 * Idempotency-Key for the rewards API, settled by the database: the key row is inserted in the
 * same transaction as the operation, so a concurrent replay waits on the unique key and then reads
 * the stored first response. The same key with another request is refused; a failed (5xx)
 * attempt rolls back with its key, so it may be retried.
 */
public final class Idempotency {
    private final DSLContext dsl;

    public Idempotency(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A response; {@code storedBody}, when set, is what a replay answers instead of {@code body}
     * (a body with a secret shown once, such as a merchant's API key, is stored without it).
     */
    public record Response(int status, String body, boolean replayed, String storedBody) {
        public Response(int status, String body, boolean replayed) {
            this(status, body, replayed, null);
        }

        String bodyToStore() {
            return storedBody != null ? storedBody : body;
        }
    }

    /** Runs {@code operation} (given the transaction to work in) once per key. */
    public Response run(UUID tenantId, String key, String fingerprint, Function<DSLContext, Response> operation) {
        if (key == null || key.isBlank()) return operation.apply(dsl);
        byte[] hash = Tokens.sha256(fingerprint);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int inserted = tx.insertInto(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.TENANT_ID, tenantId).set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                    .set(IDEMPOTENCY_KEYS.REQUEST_HASH, hash).set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, 0)
                    .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, "")
                    .onConflictDoNothing().execute();
            if (inserted == 0) {
                var stored = tx.selectFrom(IDEMPOTENCY_KEYS)
                        .where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenantId), IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key)).fetchOne();
                if (!Arrays.equals(stored.getRequestHash(), hash)) {
                    return new Response(422, "{\"error\":\"idempotency_key_reused\",\"fields\":{\"Idempotency-Key\":"
                            + "\"was already used for a different request\"}}", false);
                }
                return new Response(stored.getResponseStatus(), stored.getResponseBody(), true);
            }
            Response response = operation.apply(tx);
            tx.update(IDEMPOTENCY_KEYS).set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, response.status())
                    .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, response.bodyToStore())
                    .where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenantId), IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key)).execute();
            return response;
        });
    }

    /** Housekeeping: keys are kept for a week, like the payment APIs that made them common. */
    public int purgeOlderThanDays(int days) {
        return dsl.deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.CREATED_AT.lt(OffsetDateTime.now().minusDays(days))).execute();
    }
}
