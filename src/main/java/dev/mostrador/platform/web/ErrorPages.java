package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.Authenticator;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Friendly 4xx/5xx pages (JSON under /api/*) that never show a stack trace. */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final Web web;
    private final Templates templates;
    private final Authenticator authenticator;

    public ErrorPages(Web web, Templates templates, Authenticator authenticator) {
        this.web = web;
        this.templates = templates;
        this.authenticator = authenticator;
    }

    public void httpException(HttpResponseException e, Context ctx) {
        respond(ctx, e.getStatus(), e.getMessage());
    }

    public void unexpected(Exception e, Context ctx) {
        log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, null);
    }

    /** error(status) handler: fills in responses that no handler rendered itself. */
    public void fill(Context ctx) {
        if (ctx.attribute(Web.RENDERED) != null) return;
        respond(ctx, ctx.statusCode(), null);
    }

    public void respond(Context ctx, int status, String detail) {
        String code = code(status, detail);
        // Unmatched routes skip the access guard; know who is asking so the page speaks to them.
        if (Web.user(ctx) == null && !Authenticator.isApi(ctx)) authenticator.identify(ctx);
        Messages messages = Web.messages(ctx);
        String title = messages.t("error." + code + ".title");
        String message = messages.t("error." + code + ".text");
        if (answersJson(ctx.path(), ctx.header("Accept"))) {
            Web.json(ctx, HttpStatus.forStatus(status), Map.of("error", code, "message", message));
            return;
        }
        web.render(ctx, HttpStatus.forStatus(status),
                templates.errorsError(web.page(ctx), status, title, message, RequestLog.id(ctx)));
    }

    /** The error's key in the messages and in JSON answers. */
    static String code(int status, String detail) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "authentication_required";
            case 403 -> "csrf".equals(detail) ? "csrf" : "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413, 414, 431 -> "too_large";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
    }

    /** JSON for the API, and for clients that ask for it; a page for everyone else. */
    static boolean answersJson(String path, String accept) {
        return Authenticator.isApi(path) || (accept != null && accept.startsWith("application/json"));
    }
}
