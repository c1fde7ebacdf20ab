package dev.mostrador.platform.auth;

import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.SESSIONS;
import static dev.mostrador.db.public_.Tables.TENANTS;
import static dev.mostrador.db.public_.Tables.USERS;

/** Browser sessions kept in PostgreSQL: they survive restarts and work across app instances. */
public final class SessionRepository {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final Duration idle;
    private final Duration max;

    public SessionRepository(DSLContext dsl, Duration idle, Duration max) {
        this.dsl = dsl;
        this.idle = idle;
        this.max = max;
    }

    /** Starts a session and returns the token for the cookie (only its hash is stored). */
    public String create(UUID tenantId, long userId, String ip, String userAgent) {
        String token = Tokens.random();
        dsl.insertInto(SESSIONS)
                .set(SESSIONS.ID_HASH, Tokens.sha256(token))
                .set(SESSIONS.TENANT_ID, tenantId)
                .set(SESSIONS.USER_ID, userId)
                .set(SESSIONS.IP, ip)
                .set(SESSIONS.USER_AGENT, truncate(userAgent))
                .execute();
        return token;
    }

    /** The signed-in user of a live session; an idle or too old session is deleted and answers empty. */
    public Optional<CurrentUser> find(String token) {
        byte[] hash = Tokens.sha256(token);
        Record row = dsl.select(SESSIONS.CREATED_AT, SESSIONS.LAST_SEEN_AT, USERS.ID, USERS.EMAIL, USERS.NAME,
                        USERS.ROLE, USERS.ACTIVE)
                .select(TENANTS.fields())
                .from(SESSIONS)
                .join(USERS).on(USERS.TENANT_ID.eq(SESSIONS.TENANT_ID), USERS.ID.eq(SESSIONS.USER_ID))
                .join(TENANTS).on(TENANTS.ID.eq(SESSIONS.TENANT_ID))
                .where(SESSIONS.ID_HASH.eq(hash))
                .fetchOne();
        if (row == null) return Optional.empty();
        OffsetDateTime now = OffsetDateTime.now();
        boolean expired = row.get(SESSIONS.LAST_SEEN_AT).plus(idle).isBefore(now)
                || row.get(SESSIONS.CREATED_AT).plus(max).isBefore(now)
                || !row.get(USERS.ACTIVE);
        if (expired) {
            dsl.deleteFrom(SESSIONS).where(SESSIONS.ID_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        if (row.get(SESSIONS.LAST_SEEN_AT).plus(TOUCH_EVERY).isBefore(now)) {
            dsl.update(SESSIONS).set(SESSIONS.LAST_SEEN_AT, now).where(SESSIONS.ID_HASH.eq(hash)).execute();
        }
        return Optional.of(new CurrentUser(row.get(USERS.ID), row.get(USERS.EMAIL), row.get(USERS.NAME),
                Role.fromCode(row.get(USERS.ROLE)).orElseThrow(),
                TenantRepository.toTenant(row.into(TENANTS))));
    }

    public void delete(String token) {
        dsl.deleteFrom(SESSIONS).where(SESSIONS.ID_HASH.eq(Tokens.sha256(token))).execute();
    }

    public int deleteForUser(DSLContext tx, UUID tenantId, long userId) {
        return tx.deleteFrom(SESSIONS).where(SESSIONS.TENANT_ID.eq(tenantId), SESSIONS.USER_ID.eq(userId)).execute();
    }

    /** Housekeeping: removes sessions that can no longer be used. */
    public int deleteExpired() {
        OffsetDateTime now = OffsetDateTime.now();
        return dsl.deleteFrom(SESSIONS)
                .where(SESSIONS.LAST_SEEN_AT.lt(now.minus(idle)).or(SESSIONS.CREATED_AT.lt(now.minus(max))))
                .execute();
    }

    public static String truncate(String userAgent) {
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500));
    }
}
