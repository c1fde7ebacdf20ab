package dev.mostrador.platform.auth;

import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.API_TOKENS;
import static dev.mostrador.db.public_.Tables.TENANTS;
import static dev.mostrador.db.public_.Tables.USERS;

/** Opaque bearer tokens for /api/*: random, stored as SHA-256, with an expiry, revocable. */
public final class ApiTokenRepository {
    private final DSLContext dsl;
    private final Duration lifetime;

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
        Record row = dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.ROLE)
                .select(TENANTS.fields())
                .from(API_TOKENS)
                .join(USERS).on(USERS.TENANT_ID.eq(API_TOKENS.TENANT_ID), USERS.ID.eq(API_TOKENS.USER_ID))
                .join(TENANTS).on(TENANTS.ID.eq(API_TOKENS.TENANT_ID))
                .where(API_TOKENS.TOKEN_HASH.eq(Tokens.sha256(token)),
                        API_TOKENS.REVOKED_AT.isNull(),
                        API_TOKENS.EXPIRES_AT.gt(OffsetDateTime.now()),
                        USERS.ACTIVE.isTrue())
                .fetchOne();
        if (row == null) return Optional.empty();
        return Optional.of(new CurrentUser(row.get(USERS.ID), row.get(USERS.EMAIL), row.get(USERS.NAME),
                Role.fromCode(row.get(USERS.ROLE)).orElseThrow(), TenantRepository.toTenant(row.into(TENANTS))));
    }

    public boolean revoke(String token) {
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKENS.TOKEN_HASH.eq(Tokens.sha256(token)), API_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    public int revokeForUser(DSLContext tx, UUID tenantId, long userId) {
        return tx.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, OffsetDateTime.now())
                .where(API_TOKENS.TENANT_ID.eq(tenantId), API_TOKENS.USER_ID.eq(userId), API_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    public record Issued(String token, OffsetDateTime expiresAt) {}
}
