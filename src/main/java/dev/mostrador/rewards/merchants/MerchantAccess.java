package dev.mostrador.rewards.merchants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mostrador.db.rewards.tables.records.MerchantsRecord;
import dev.mostrador.platform.auth.Tokens;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;

import static dev.mostrador.db.public_.Tables.MERCHANT_SESSIONS;
import static dev.mostrador.db.rewards.Tables.MERCHANTS;

/** Who a merchant is: from an API key (point of sale) or from a browser session started with one. */
public final class MerchantAccess {
    public static final String SESSION_COOKIE = "mostrador_merchant";
    private static final Duration SESSION_IDLE = Duration.ofHours(12);
    /**
     * A point of sale calls the API many times a minute with the same key: its merchant is taken
     * from memory for this long instead of a query per request. Rotation and deactivation through
     * this instance forget it at once; through another instance they take effect within this time.
     */
    static final Duration RECENT = Duration.ofSeconds(15);
    private static final int MAX_RECENT = 10_000;
    private final Cache<ByteBuffer, SignedInMerchant> signedIn = Caffeine.newBuilder()
            .expireAfterWrite(RECENT).maximumSize(MAX_RECENT).build();

    /** Legacy keys cost one bcrypt per prefix-less merchant: past this many, rotate them. */
    static final int MAX_LEGACY_MERCHANTS = 20;
    private final DSLContext dsl;
    private final MerchantRepository merchants;
    private final MerchantKeys keys;
    private final FailedKeys failedKeys;

    public MerchantAccess(DSLContext dsl, MerchantRepository merchants, MerchantKeys keys, FailedKeys failedKeys) {
        this.dsl = dsl;
        this.merchants = merchants;
        this.keys = keys;
        this.failedKeys = failedKeys;
    }

    /** The signed-in merchant (tenant and id) of a key: one bcrypt, found by the key's public prefix. */
    public record SignedInMerchant(UUID tenantId, UUID merchantId, String name) {}

    /** The answer to a key: its merchant, or why not (a wrong key, too many wrong keys, no bcrypt turn free). */
    public record KeyCheck(SignedInMerchant merchant, Refusal refusal) {
        /** Each refusal's answer: its status, when to retry, its JSON error and the portal's message. */
        public enum Refusal {
            INVALID(HttpStatus.UNAUTHORIZED, null, "invalid_merchant_key", "rewards.portal.signin.invalid"),
            THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "60", "too_many_invalid_keys", "rewards.portal.signin.too_many"),
            BUSY(HttpStatus.SERVICE_UNAVAILABLE, "1", "key_checks_busy", "rewards.portal.signin.busy");

            public final HttpStatus status;
            /** Seconds for Retry-After where waiting helps, else null. */
            public final String retryAfter;
            public final String error;
            public final String portalMessage;

            Refusal(HttpStatus status, String retryAfter, String error, String portalMessage) {
                this.status = status;
                this.retryAfter = retryAfter;
                this.error = error;
                this.portalMessage = portalMessage;
            }
        }

        static KeyCheck refused(Refusal why) {
            return new KeyCheck(null, why);
        }

        public boolean ok() {
            return merchant != null;
        }
    }

    /**
     * Checks a key sent from an address. A key seen valid in the last seconds costs nothing; past
     * {@link FailedKeys} (per address, per key prefix) a key is refused before any bcrypt is spent.
     */
    /** The merchant of the request's key, or an answer already written (401, 429 or 503). */
    public Optional<SignedInMerchant> fromRequest(Context ctx, Web web, String key) {
        KeyCheck check = check(key, web.clientIp(ctx));
        if (check.ok()) return Optional.of(check.merchant());
        if (check.refusal().retryAfter != null) ctx.header("Retry-After", check.refusal().retryAfter);
        Web.jsonError(ctx, check.refusal().status, check.refusal().error, null);
        return Optional.empty();
    }

    public KeyCheck check(String key, String ip) {
        if (key == null || key.isBlank() || key.length() > 200) return failed(ip, null);
        String trimmed = key.trim();
        ByteBuffer digest = ByteBuffer.wrap(Tokens.sha256(trimmed));
        // Only well-formed keys that matched their hash are remembered: a point of sale's every
        // request after its first skips the shape check too.
        SignedInMerchant recent = signedIn.getIfPresent(digest);
        if (recent != null) return new KeyCheck(recent, null);
        Optional<String> prefix = MerchantKeys.prefixOf(trimmed);
        // A key that matched a moment ago costs no bcrypt: its shop is not locked out by someone
        // else's wrong guesses at its prefix.
        if (!keys.remembered(trimmed) && failedKeys.blocked(ip, prefix.orElse(null))) {
            return KeyCheck.refused(KeyCheck.Refusal.THROTTLED);
        }
        try {
            Optional<MerchantsRecord> m = prefix.isPresent() ? byPrefix(trimmed, prefix.get()) : legacy(trimmed);
            if (m.isEmpty()) return failed(ip, prefix.orElse(null));
            SignedInMerchant found = new SignedInMerchant(m.get().getTenantId(), m.get().getMerchantId(), m.get().getMerchantName());
            signedIn.put(digest, found);
            return new KeyCheck(found, null);
        } catch (MerchantKeys.Busy e) {
            return KeyCheck.refused(KeyCheck.Refusal.BUSY);
        }
    }

    private Optional<MerchantsRecord> byPrefix(String key, String prefix) {
        return merchants.findByKeyPrefix(prefix)
                .filter(m -> m.getIsActive() && keys.matches(key, prefix, m.getApiKeyHash()));
    }

    /** A key without our shape, checked against the few merchants whose key has no prefix. */
    private Optional<MerchantsRecord> legacy(String key) {
        if (key.startsWith("mk_")) return Optional.empty(); // our shape, mistyped: no legacy key looks like it
        return merchants.legacyKeyHolders(MAX_LEGACY_MERCHANTS).stream()
                .filter(m -> keys.matches(key, null, m.getApiKeyHash())).findFirst();
    }

    private KeyCheck failed(String ip, String prefix) {
        failedKeys.count(ip, prefix);
        return KeyCheck.refused(KeyCheck.Refusal.INVALID);
    }

    public String startSession(SignedInMerchant m) {
        String token = Tokens.random();
        dsl.insertInto(MERCHANT_SESSIONS).set(MERCHANT_SESSIONS.ID_HASH, Tokens.sha256(token))
                .set(MERCHANT_SESSIONS.TENANT_ID, m.tenantId()).set(MERCHANT_SESSIONS.MERCHANT_ID, m.merchantId()).execute();
        return token;
    }

    public Optional<SignedInMerchant> bySession(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        var row = dsl.select(MERCHANT_SESSIONS.LAST_SEEN_AT, MERCHANTS.TENANT_ID, MERCHANTS.MERCHANT_ID, MERCHANTS.MERCHANT_NAME, MERCHANTS.IS_ACTIVE)
                .from(MERCHANT_SESSIONS)
                .join(MERCHANTS).on(MERCHANTS.TENANT_ID.eq(MERCHANT_SESSIONS.TENANT_ID), MERCHANTS.MERCHANT_ID.eq(MERCHANT_SESSIONS.MERCHANT_ID))
                .where(MERCHANT_SESSIONS.ID_HASH.eq(Tokens.sha256(token))).fetchOne();
        if (row == null) return Optional.empty();
        OffsetDateTime now = OffsetDateTime.now();
        if (!row.value5() || row.value1().plus(SESSION_IDLE).isBefore(now)) {
            endSession(token);
            return Optional.empty();
        }
        if (row.value1().plusMinutes(1).isBefore(now)) {
            dsl.update(MERCHANT_SESSIONS).set(MERCHANT_SESSIONS.LAST_SEEN_AT, now).where(MERCHANT_SESSIONS.ID_HASH.eq(Tokens.sha256(token))).execute();
        }
        return Optional.of(new SignedInMerchant(row.value2(), row.value3(), row.value4()));
    }

    public void endSession(String token) {
        dsl.deleteFrom(MERCHANT_SESSIONS).where(MERCHANT_SESSIONS.ID_HASH.eq(Tokens.sha256(token))).execute();
    }

    /** After a key rotation or deactivation: old browser sessions and remembered keys end. */
    public void revokeAll(UUID tenantId, UUID merchantId, String oldPrefix) {
        dsl.deleteFrom(MERCHANT_SESSIONS).where(MERCHANT_SESSIONS.TENANT_ID.eq(tenantId), MERCHANT_SESSIONS.MERCHANT_ID.eq(merchantId)).execute();
        forget(merchantId);
        if (oldPrefix != null) keys.forget(oldPrefix);
    }

    /** After any change to a merchant (name, state, key): its next request reads it again. */
    public void forget(UUID merchantId) {
        signedIn.asMap().values().removeIf(m -> m.merchantId().equals(merchantId));
    }
}
