package dev.mostrador.users;

import dev.mostrador.platform.auth.SessionRepository;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.OffsetDateTime;

import static dev.mostrador.db.public_.Tables.LOGIN_ATTEMPTS;

/**
 * Every login attempt is written to login_attempts. After {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} for one account, that account's attempts are refused (429) until the window
 * slides past them; one address is refused only after {@link #MAX_FAILURES_PER_IP} failures
 * across accounts, since the staff of a shop share one router and must not lock each other out.
 * Kept in the database, so it holds across restarts and app instances.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_IP = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final DSLContext dsl;

    public LoginThrottle(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean blocked(String email, String ip) {
        OffsetDateTime since = OffsetDateTime.now().minus(WINDOW);
        int forAccount = dsl.fetchCount(LOGIN_ATTEMPTS, DSL.lower(LOGIN_ATTEMPTS.EMAIL).eq(normalize(email)),
                LOGIN_ATTEMPTS.CREATED_AT.gt(since), LOGIN_ATTEMPTS.SUCCESS.isFalse());
        if (forAccount >= MAX_FAILURES) return true;
        return ip != null && dsl.fetchCount(LOGIN_ATTEMPTS, LOGIN_ATTEMPTS.IP.eq(ip),
                LOGIN_ATTEMPTS.CREATED_AT.gt(since), LOGIN_ATTEMPTS.SUCCESS.isFalse()) >= MAX_FAILURES_PER_IP;
    }

    public void record(String email, String ip, boolean success, String reason, String channel, String userAgent) {
        dsl.insertInto(LOGIN_ATTEMPTS)
                .set(LOGIN_ATTEMPTS.EMAIL, normalize(email))
                .set(LOGIN_ATTEMPTS.IP, ip)
                .set(LOGIN_ATTEMPTS.SUCCESS, success)
                .set(LOGIN_ATTEMPTS.REASON, reason)
                .set(LOGIN_ATTEMPTS.CHANNEL, channel)
                .set(LOGIN_ATTEMPTS.USER_AGENT, SessionRepository.truncate(userAgent))
                .execute();
    }

    private static String normalize(String email) {
        String value = email == null ? "" : email.trim().toLowerCase();
        return value.substring(0, Math.min(value.length(), 254));
    }
}
