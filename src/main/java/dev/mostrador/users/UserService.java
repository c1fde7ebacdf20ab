package dev.mostrador.users;

import dev.mostrador.platform.auth.ApiTokenRepository;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.SessionRepository;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.UUID;

/** User changes that span tables: deactivation ends every session and revokes every API token. */
public final class UserService {
    private final DSLContext dsl;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;

    public UserService(DSLContext dsl, UserRepository users, SessionRepository sessions, ApiTokenRepository tokens) {
        this.dsl = dsl;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public sealed interface Result {}
    public record Saved(long id) implements Result {}
    public record EmailTaken() implements Result {}
    public record LastAdmin() implements Result {}
    public record NotFound() implements Result {}

    public Result create(UUID tenantId, UserForm form) {
        if (users.emailTaken(form.email(), null)) return new EmailTaken();
        String hash = Passwords.hash(form.password());
        try {
            return new Saved(dsl.transactionResult(cfg ->
                    users.create(cfg.dsl(), tenantId, form.email(), form.name(), form.parsedRole(), hash).id()));
        } catch (IntegrityConstraintViolationException e) {
            return new EmailTaken(); // a concurrent create won the unique index
        }
    }

    public Result update(UUID tenantId, long id, UserForm form) {
        if (users.find(tenantId, id).isEmpty()) return new NotFound();
        if (users.emailTaken(form.email(), id)) return new EmailTaken();
        String hash = form.password().isEmpty() ? null : Passwords.hash(form.password());
        try {
            return afterCommitForget(tenantId, id, dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                lockAdmins(tx, tenantId);
                users.update(tx, tenantId, id, form.email(), form.name(), form.parsedRole(), form.active());
                requireAnAdmin(tx, tenantId);
                if (hash != null) users.setPassword(tx, tenantId, id, hash);
                if (!form.active() || hash != null) endAccess(tx, tenantId, id);
                return new Saved(id);
            }));
        } catch (NoAdminLeft e) {
            return new LastAdmin();
        } catch (IntegrityConstraintViolationException e) {
            return new EmailTaken();
        }
    }

    public Result deactivate(UUID tenantId, long id) {
        try {
            return afterCommitForget(tenantId, id, dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                lockAdmins(tx, tenantId);
                if (!users.deactivate(tx, tenantId, id)) return new NotFound();
                requireAnAdmin(tx, tenantId);
                endAccess(tx, tenantId, id);
                return new Saved(id);
            }));
        } catch (NoAdminLeft e) {
            return new LastAdmin();
        }
    }

    /** What saving one's own account can answer besides {@link Saved}. */
    public record WrongPassword() implements Result {}

    /**
     * One's own name, and a new password when asked for (then the current one must match): the
     * account's other sessions and its API tokens end, the caller starts a fresh session.
     */
    public Result updateOwn(UUID tenantId, long id, AccountForm form) {
        var user = users.find(tenantId, id);
        if (user.isEmpty()) return new NotFound();
        String hash = null;
        if (form.changesPassword()) {
            String stored = users.findForLogin(user.get().email()).map(r -> r.getPasswordHash()).orElse(null);
            if (!Passwords.matches(form.currentPassword(), stored)) return new WrongPassword();
            hash = Passwords.hash(form.newPassword());
        }
        String newHash = hash;
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            users.rename(tx, tenantId, id, form.name());
            if (newHash != null) {
                users.setPassword(tx, tenantId, id, newHash);
                endAccess(tx, tenantId, id);
            }
        });
        return afterCommitForget(tenantId, id, new Saved(id));
    }

    /**
     * A new password for the account of this e-mail (the command line's way back in for a lost
     * admin password); its sessions and API tokens end. False when no account has the e-mail.
     */
    public boolean resetPassword(String email, String password) {
        var user = users.findForLogin(email);
        if (user.isEmpty()) return false;
        UUID tenantId = user.get().getTenantId();
        long id = user.get().getId();
        String hash = Passwords.hash(password);
        dsl.transaction(cfg -> {
            users.setPassword(cfg.dsl(), tenantId, id, hash);
            endAccess(cfg.dsl(), tenantId, id);
        });
        afterCommitForget(tenantId, id, null);
        return true;
    }

    /** Taken first, so two concurrent demotions cannot both leave the other as the last admin. */
    private static void lockAdmins(DSLContext tx, UUID tenantId) {
        tx.execute("SELECT 1 FROM users WHERE tenant_id = ? AND role = 'admin' ORDER BY id FOR UPDATE", tenantId);
    }

    /** A tenant must keep one active admin; the exception rolls the transaction back. */
    private void requireAnAdmin(DSLContext tx, UUID tenantId) {
        if (users.countActiveAdmins(tx, tenantId) == 0) throw new NoAdminLeft();
    }

    private static final class NoAdminLeft extends RuntimeException {
        NoAdminLeft() {
            super(null, null, false, false);
        }
    }

    /** Remembered API tokens carry the role and state of before: forgotten once the change is committed. */
    private Result afterCommitForget(UUID tenantId, long id, Result result) {
        tokens.forgetUser(tenantId, id);
        return result;
    }

    private void endAccess(DSLContext tx, UUID tenantId, long id) {
        sessions.deleteForUser(tx, tenantId, id);
        tokens.revokeForUser(tx, tenantId, id);
    }

    public Role roleOf(UUID tenantId, long id) {
        return users.find(tenantId, id).map(User::role).orElse(null);
    }
}
