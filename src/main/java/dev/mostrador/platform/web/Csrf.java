package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.Tokens;
import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * CSRF tokens bound to the browser: an HMAC of the session cookie when signed in, or of a random
 * pre-session cookie before that. A token from another browser or another session never verifies,
 * and a new session (login) gives new tokens.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SEED_COOKIE = "mostrador_csrf";

    private final SecretKeySpec key;
    private final boolean secureCookies;

    private final ThreadLocal<Mac> macs;

    public Csrf(String secret, boolean secureCookies) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.secureCookies = secureCookies;
        this.macs = ThreadLocal.withInitial(this::keyedMac);
    }

    /** The token for forms on this page; starts a pre-session cookie when the browser has none. */
    public String token(Context ctx) {
        String binding = binding(ctx);
        if (binding == null) {
            binding = Tokens.random();
            Cookies.set(ctx, SEED_COOKIE, binding, -1, secureCookies);
            ctx.attribute(SEED_COOKIE, binding);
        }
        return sign(binding);
    }

    public boolean valid(Context ctx) {
        String binding = binding(ctx);
        String sent = ctx.header(HEADER);
        if (sent == null) sent = ctx.formParam(FIELD);
        if (binding == null || sent == null) return false;
        return MessageDigest.isEqual(sign(binding).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    private String binding(Context ctx) {
        String session = ctx.cookie(Web.SESSION_COOKIE);
        if (session != null && !session.isEmpty() && ctx.attribute(Web.SESSION_ENDED) == null) return "s:" + session;
        String seed = ctx.attribute(SEED_COOKIE);
        if (seed == null) seed = ctx.cookie(SEED_COOKIE);
        return seed == null || seed.isEmpty() ? null : seed;
    }

    private String sign(String binding) {
        // doFinal leaves the Mac ready for the next binding; finding the provider and keying it was most of the cost.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(binding.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
