package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.ApiTokenRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.SessionRepository;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the signed-in user (session cookie for pages, bearer token for /api/*) and enforces each
 * route's roles and the CSRF token of state-changing browser requests.
 */
public final class Authenticator {
    private static final Set<HandlerType> UNSAFE = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final Csrf csrf;

    public Authenticator(SessionRepository sessions, ApiTokenRepository tokens, Csrf csrf) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.csrf = csrf;
    }

    public static boolean isApi(Context ctx) {
        return isApi(ctx.path());
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    public static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = header.substring(7).trim();
        // A merchant's API key ("mk_…", the point-of-sale routes check it) is never a staff token:
        // looking it up would cost a query per point-of-sale request.
        if (token.startsWith("mk_")) return Optional.empty();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }

    /** Records the signed-in user, if any, on the request. */
    public CurrentUser identify(Context ctx) {
        CurrentUser user = resolve(ctx);
        if (user != null) {
            ctx.attribute(Web.USER_ATTR, user);
            ctx.header("Cache-Control", "no-store");
        }
        return user;
    }

    /** beforeMatched: who is this, and may they use this route? */
    public void guard(Context ctx) {
        CurrentUser user = identify(ctx);
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) return;
        if (user == null) {
            if (!isApi(ctx) && (HandlerType.GET.equals(ctx.method()) || HandlerType.HEAD.equals(ctx.method()))) {
                String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("authentication_required");
        }
        if (!roles.contains(user.role())) throw new ForbiddenResponse("forbidden");
    }

    /** beforeMatched, after {@link #guard}: a state-changing browser request must carry its CSRF token. */
    public void checkCsrf(Context ctx) {
        if (isApi(ctx) || !UNSAFE.contains(ctx.method())) return;
        if (!csrf.valid(ctx)) throw new ForbiddenResponse("csrf");
    }

    private CurrentUser resolve(Context ctx) {
        if (isApi(ctx)) {
            return bearer(ctx).flatMap(tokens::find).orElse(null);
        }
        String cookie = ctx.cookie(Web.SESSION_COOKIE);
        if (cookie == null || cookie.isEmpty() || cookie.length() > 200) return null;
        return sessions.find(cookie).orElse(null);
    }
}
