package dev.mostrador.users;

import dev.mostrador.platform.auth.ApiTokenRepository;
import dev.mostrador.platform.web.Authenticator;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.SessionRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.web.Cookies;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sign in and out in the browser (session cookie) and on the JSON API (bearer token). */
public final class AuthRoutes {
    private static final ObjectMapper JSON = JsonInput.MAPPER;

    private final Web web;
    private final Templates templates;
    private final AuthService auth;
    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;

    public AuthRoutes(Web web, Templates templates, AuthService auth, SessionRepository sessions, ApiTokenRepository tokens) {
        this.web = web;
        this.templates = templates;
        this.auth = auth;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public void register(Routes routes) {
        routes.get("/login", this::loginPage)
                .post("/login", this::login)
                .post("/logout", this::logout)
                .post("/api/login", this::apiLogin)
                .post("/api/logout", this::apiLogout, Role.STAFF)
                .get("/api/me", this::me, Role.STAFF);
    }

    private void loginPage(Context ctx) {
        if (Web.user(ctx) != null) {
            ctx.redirect(Web.safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        String next = Web.safeNext(ctx.queryParam("next"));
        web.render(ctx, templates.authLogin(web.page(ctx), "", next, FieldErrors.none(), null));
    }

    private void login(Context ctx) {
        Messages m = Web.messages(ctx);
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").trim();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = Web.safeNext(ctx.formParam("next"));
        FieldErrors errors = new FieldErrors();
        if (email.isEmpty()) errors.add("email", m.t("validation.required", m.t("login.email")));
        if (password.isEmpty()) errors.add("password", m.t("validation.required", m.t("login.password")));
        if (!errors.isEmpty()) {
            web.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, templates.authLogin(web.page(ctx), email, next, errors, null));
            return;
        }
        AuthService.Outcome outcome = auth.login(email, password, web.clientIp(ctx), ctx.userAgent(), "web");
        if (outcome instanceof AuthService.Success success) {
            String old = ctx.cookie(Web.SESSION_COOKIE);
            if (old != null && !old.isEmpty()) sessions.delete(old);
            // A new session id at every login: a planted cookie never becomes a signed-in session.
            String token = sessions.create(success.user().getTenantId(), success.user().getId(), web.clientIp(ctx), ctx.userAgent());
            Cookies.set(ctx, Web.SESSION_COOKIE, token, -1, web.config().secureCookies());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        boolean throttled = outcome instanceof AuthService.Throttled;
        String problem = m.t(throttled ? "login.throttled" : "login.invalid", LoginThrottle.WINDOW.toMinutes());
        web.render(ctx, throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
                templates.authLogin(web.page(ctx), email, next, FieldErrors.none(), problem));
    }

    private void logout(Context ctx) {
        String token = ctx.cookie(Web.SESSION_COOKIE);
        if (token != null && !token.isEmpty()) sessions.delete(token);
        Cookies.clear(ctx, Web.SESSION_COOKIE, web.config().secureCookies());
        ctx.attribute(Web.SESSION_ENDED, true);
        web.redirectWithFlash(ctx, "/login", Web.messages(ctx).t("login.logged_out"));
    }

    private void apiLogin(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "invalid_json", Map.of("body", "must be a JSON object"));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String email = text(body, "email");
        String password = text(body, "password");
        if (email == null || email.isBlank()) fields.put("email", "required");
        if (password == null || password.isEmpty()) fields.put("password", "required");
        if (!fields.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", fields);
            return;
        }
        AuthService.Outcome outcome = auth.login(email, password, web.clientIp(ctx), ctx.userAgent(), "api");
        if (outcome instanceof AuthService.Success success) {
            ApiTokenRepository.Issued issued = tokens.issue(success.user().getTenantId(), success.user().getId());
            Web.json(ctx, HttpStatus.OK, Map.of("token", issued.token(), "token_type", "Bearer",
                    "expires_at", issued.expiresAt().toInstant().toString()));
            return;
        }
        if (outcome instanceof AuthService.Throttled) {
            ctx.header("Retry-After", String.valueOf(LoginThrottle.WINDOW.toSeconds()));
            Web.jsonError(ctx, HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", null);
            return;
        }
        Web.jsonError(ctx, HttpStatus.UNAUTHORIZED, "invalid_credentials", null);
    }

    private void apiLogout(Context ctx) {
        Authenticator.bearer(ctx).ifPresent(tokens::revoke);
        ctx.status(HttpStatus.NO_CONTENT);
        ctx.attribute(Web.RENDERED, true);
    }

    private void me(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("id", me.tenantId().toString());
        tenant.put("slug", me.tenant().slug());
        tenant.put("name", me.tenant().name());
        tenant.put("time_zone", me.tenant().zone().getId());
        tenant.put("currency", me.tenant().currency());
        tenant.put("locale", me.tenant().locale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", me.userId());
        body.put("email", me.email());
        body.put("name", me.name());
        body.put("role", me.role().code());
        body.put("tenant", tenant);
        Web.json(ctx, HttpStatus.OK, body);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
