package dev.mostrador.platform.auth;

import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;
import dev.mostrador.platform.db.Jdbc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.SESSIONS;

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

    /** A session's row with its user and tenant; plain SQL, since every signed-in page asks it (jOOQ rendered it each time). */
    private static final String FIND = "SELECT s.created_at, s.last_seen_at, u.id, u.email, u.name, u.role, u.active, " + TenantRepository.COLUMNS
            + " FROM public.sessions s JOIN public.users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id"
            + " JOIN public.tenants t ON t.id = s.tenant_id WHERE s.id_hash = ?";

    private record Found(OffsetDateTime createdAt, OffsetDateTime lastSeenAt, boolean active, CurrentUser user) {}

    /** The signed-in user of a live session; an idle or too old session is deleted and answers empty. */
    public Optional<CurrentUser> find(String token) {
        byte[] hash = Tokens.sha256(token);
        java.util.List<Found> rows = Jdbc.list(dsl, FIND, r -> new Found(r.getObject(1, OffsetDateTime.class), r.getObject(2, OffsetDateTime.class),
                r.getBoolean(7), new CurrentUser(r.getLong(3), r.getString(4), r.getString(5), Role.fromCode(r.getString(6)).orElseThrow(),
                TenantRepository.read(r, 8))), hash);
        if (rows.isEmpty()) return Optional.empty();
        Found row = rows.get(0);
        OffsetDateTime now = OffsetDateTime.now();
        boolean expired = row.lastSeenAt().plus(idle).isBefore(now) || row.createdAt().plus(max).isBefore(now) || !row.active();
        if (expired) {
            dsl.deleteFrom(SESSIONS).where(SESSIONS.ID_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        if (row.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            dsl.update(SESSIONS).set(SESSIONS.LAST_SEEN_AT, now).where(SESSIONS.ID_HASH.eq(hash)).execute();
        }
        return Optional.of(row.user());
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
