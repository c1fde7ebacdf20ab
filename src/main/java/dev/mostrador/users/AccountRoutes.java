package dev.mostrador.users;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.SessionRepository;
import dev.mostrador.platform.web.Cookies;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * "Mi cuenta" (/cuenta): anyone signed in changes their own name, and their password after typing
 * the current one. A new password ends every other session and API token of the account; this
 * browser gets a fresh session, so it stays signed in.
 */
public final class AccountRoutes {
    private final Web web;
    private final Templates templates;
    private final UserService service;
    private final SessionRepository sessions;

    public AccountRoutes(Web web, Templates templates, UserService service, SessionRepository sessions) {
        this.web = web;
        this.templates = templates;
        this.service = service;
        this.sessions = sessions;
    }

    public void register(Routes routes) {
        routes.get("/cuenta", ctx -> show(ctx, AccountForm.of(Web.user(ctx).name()), FieldErrors.none(), HttpStatus.OK), Role.STAFF)
                .post("/cuenta", this::save, Role.STAFF);
    }

    private void save(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        AccountForm form = AccountForm.from(ctx);
        FieldErrors errors = form.validate(m);
        if (!errors.isEmpty()) {
            show(ctx, form, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        UserService.Result result = service.updateOwn(me.tenantId(), me.userId(), form);
        if (result instanceof UserService.WrongPassword) {
            show(ctx, form, new FieldErrors().add("current_password", m.t("account.wrong_password")), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (form.changesPassword()) {
            // The old session ended with every other one: this browser continues on a new one.
            String token = sessions.create(me.tenantId(), me.userId(), web.clientIp(ctx), ctx.userAgent());
            Cookies.set(ctx, Web.SESSION_COOKIE, token, -1, web.config().secureCookies());
        }
        web.redirectWithFlash(ctx, "/cuenta", m.t(form.changesPassword() ? "account.saved_password" : "account.saved"));
    }

    private void show(Context ctx, AccountForm form, FieldErrors errors, HttpStatus status) {
        // Passwords are never sent back into the form.
        AccountForm shown = new AccountForm(form.name(), "", "", "");
        web.render(ctx, status, templates.usersAccount(web.page(ctx), Web.user(ctx).email(), shown, errors));
    }
}
