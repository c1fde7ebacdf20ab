package dev.mostrador.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.API_TOKENS;
import static dev.mostrador.db.public_.Tables.TENANTS;
import static dev.mostrador.db.public_.Tables.USERS;

/**
 * Opaque bearer tokens for /api/*: random, stored as SHA-256, with an expiry, revocable.
 *
 * <p>A found token is remembered for {@link #REMEMBER} so a client calling the API many times a
 * second costs one query per token every few seconds instead of one per request (the query was a
 * third of the CPU of a cheap API call). Revocation, deactivation, role and password changes made
 * through this instance forget it at once; made through another instance they take effect within
 * {@link #REMEMBER}.
 */
public final class ApiTokenRepository {
    static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 10_000;
    private final DSLContext dsl;
    private final Duration lifetime;
    private final Cache<ByteBuffer, Found> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(MAX_REMEMBERED).build();

    public ApiTokenRepository(DSLContext dsl, Duration lifetime) {
        this.dsl = dsl;
        this.lifetime = lifetime;
    }

    public Issued issue(UUID tenantId, long userId) {
        String token = Tokens.random();
        OffsetDateTime expiresAt = OffsetDateTime.now().plus(lifetime);
        dsl.insertInto(API_TOKENS)
                .set(API_TOKENS.TOKEN_HASH, Tokens.sha256(token))
                .set(API_TOKENS.TENANT_ID, tenantId)
                .set(API_TOKENS.USER_ID, userId)
                .set(API_TOKENS.EXPIRES_AT, expiresAt)
                .execute();
        return new Issued(token, expiresAt);
    }

    public Optional<CurrentUser> find(String token) {
        ByteBuffer hash = ByteBuffer.wrap(Tokens.sha256(token));
        Found found = remembered.getIfPresent(hash);
        if (found == null || !found.expiresAt().isAfter(OffsetDateTime.now())) { // never past the token's expiry
            found = load(hash.array()).orElse(null);
            if (found == null) {
                remembered.invalidate(hash);
                return Optional.empty();
            }
            remembered.put(hash, found);
        }
        return Optional.of(found.user());
    }

    /** After a change to a user (role, password, deactivation): their remembered tokens are looked up again. */
    public void forgetUser(UUID tenantId, long userId) {
        remembered.asMap().values().removeIf(e -> e.user().userId() == userId && e.user().tenantId().equals(tenantId));
    }

    private record Found(CurrentUser user, OffsetDateTime expiresAt) {}

    private Optional<Found> load(byte[] hash) {
        Record row = dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.ROLE, API_TOKENS.EXPIRES_AT)
                .select(TENANTS.fields())
                .from(API_TOKENS)
                .join(USERS).on(USERS.TENANT_ID.eq(API_TOKENS.TENANT_ID), USERS.ID.eq(API_TOKENS.USER_ID))
                .join(TENANTS).on(TENANTS.ID.eq(API_TOKENS.TENANT_ID))
                .where(API_TOKENS.TOKEN_HASH.eq(hash),
                        API_TOKENS.REVOKED_AT.isNull(),
                        API_TOKENS.EXPIRES_AT.gt(OffsetDateTime.now()),
                        USERS.ACTIVE.isTrue())
                .fetchOne();
        if (row == null) return Optional.empty();
        return Optional.of(new Found(new CurrentUser(row.get(USERS.ID), row.get(USERS.EMAIL), row.get(USERS.NAME),
                Role.fromCode(row.get(USERS.ROLE)).orElseThrow(), TenantRepository.toTenant(row.into(TENANTS))),
                row.get(API_TOKENS.EXPIRES_AT)));
    }

    public boolean revoke(String token) {
        byte[] hash = Tokens.sha256(token);
        remembered.invalidate(ByteBuffer.wrap(hash));
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKENS.TOKEN_HASH.eq(hash), API_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Inside the caller's transaction; it calls {@link #forgetUser} after the commit. */
    public int revokeForUser(DSLContext tx, UUID tenantId, long userId) {
        return tx.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKENS.TENANT_ID.eq(tenantId), API_TOKENS.USER_ID.eq(userId), API_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    public record Issued(String token, OffsetDateTime expiresAt) {}
}
