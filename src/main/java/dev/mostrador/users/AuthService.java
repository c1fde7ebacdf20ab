package dev.mostrador.users;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.db.public_.tables.records.UsersRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Checks credentials, applies the throttle and logs every attempt. */
public final class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserRepository users;
    private final LoginThrottle throttle;

    public AuthService(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    public sealed interface Outcome {}
    public record Success(UsersRecord user) implements Outcome {}
    public record Rejected() implements Outcome {}
    public record Throttled() implements Outcome {}

    public Outcome login(String email, String password, String ip, String userAgent, String channel) {
        String address = email == null ? "" : email.trim();
        if (throttle.blocked(address, ip)) {
            throttle.record(address, ip, false, "throttled", channel, userAgent);
            log.warn("login throttled email={} ip={} channel={}", address, ip, channel);
            return new Throttled();
        }
        Optional<UsersRecord> user = address.isEmpty() ? Optional.empty() : users.findForLogin(address);
        boolean passwordOk = Passwords.matches(password, user.map(UsersRecord::getPasswordHash).orElse(null));
        String reason = user.isEmpty() ? "unknown_email" : !passwordOk ? "wrong_password"
                : !user.get().getActive() ? "inactive" : "ok";
        boolean success = reason.equals("ok");
        throttle.record(address, ip, success, reason, channel, userAgent);
        if (!success) {
            log.info("login failed email={} ip={} channel={} reason={}", address, ip, channel, reason);
            return new Rejected();
        }
        users.recordLogin(user.get().getId());
        log.info("login ok email={} ip={} channel={}", address, ip, channel);
        return new Success(user.get());
    }
}
