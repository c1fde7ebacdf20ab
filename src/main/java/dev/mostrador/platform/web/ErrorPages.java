package dev.mostrador.platform.web;

import dev.mostrador.platform.db.DatabaseAvailability;
import dev.mostrador.platform.db.DatabaseOutage;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** Friendly 4xx/5xx pages (JSON under /api/*) that never show a stack trace. */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final Web web;
    private final Templates templates;
    private final Authenticator authenticator;
    private final DatabaseAvailability availability;

    public ErrorPages(Web web, Templates templates, Authenticator authenticator, DatabaseAvailability availability) {
        this.web = web;
        this.templates = templates;
        this.authenticator = authenticator;
        this.availability = availability;
    }

    public void httpException(HttpResponseException e, Context ctx) {
        respond(ctx, e.getStatus(), e.getMessage());
    }

    public void unexpected(Exception e, Context ctx) {
        Optional<DatabaseOutage> outage = e instanceof DatabaseUnavailable down ? Optional.of(down.outage) : DatabaseOutage.of(e);
        if (outage.isPresent()) {
            if (!(e instanceof DatabaseUnavailable)) {
                log.warn("{} {}: {}", ctx.method(), ctx.path(), outage.get().description());
                availability.report(outage.get());
            }
            ctx.header("Retry-After", "5");
            respond(ctx, 503, null);
            return;
        }
        if (dataException(e)) {
            // A value the database refused (out of range, malformed): the input's fault, not ours.
            // Validation should have caught it first; the log line says where it did not.
            log.warn("input refused by the database on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            respond(ctx, 400, null);
            return;
        }
        Integer refused = badMultipart(e);
        if (refused != null) {
            // Jetty could not read a multipart body (malformed, or past the upload limits set in App).
            log.warn("multipart body refused on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            respond(ctx, refused, null);
            return;
        }
        log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, null);
    }

    /** 413 for a body past the upload limits, 400 for another unreadable multipart body, else null. */
    private static Integer badMultipart(Throwable e) {
        boolean bad = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException) bad = true;
            if (bad && t.getMessage() != null && t.getMessage().startsWith("max ") && t.getMessage().contains(" size exceeded")) return 413;
        }
        return bad ? 400 : null;
    }

    private static boolean dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) return true;
        }
        return false;
    }

    /** beforeMatched: while the database is known to be down, answer 503 at once instead of waiting for a connection. */
    public void refuseWhileDatabaseIsDown(Context ctx) {
        Optional<DatabaseOutage> outage = availability.outage();
        if (outage.isPresent()) throw new DatabaseUnavailable(outage.get());
    }

    /** Thrown before a request touches a database known to be down. */
    static final class DatabaseUnavailable extends RuntimeException {
        final transient DatabaseOutage outage;

        DatabaseUnavailable(DatabaseOutage outage) {
            super(outage.description(), null, false, false);
            this.outage = outage;
        }
    }

    /** A NUL character in a parameter or field: the field named, in JSON or on the error page. */
    public void unstorable(UnstorableText.UnstorableField e, Context ctx) {
        Messages messages = Web.messages(ctx);
        String message = messages.t("error.unstorable.text", e.field());
        if (answersJson(ctx.path(), ctx.header("Accept"))) {
            Web.jsonError(ctx, e.status(), e.status() == HttpStatus.BAD_REQUEST ? "bad_request" : "validation_failed",
                    Map.of(e.field(), "contains a NUL character, which cannot be stored"));
            return;
        }
        web.render(ctx, e.status(), templates.errorsError(web.page(ctx), e.status().getCode(),
                messages.t("error.unstorable.title"), message, RequestLog.id(ctx)));
    }

    /** error(status) handler: fills in responses that no handler rendered itself. */
    public void fill(Context ctx) {
        if (ctx.attribute(Web.RENDERED) != null) return;
        respond(ctx, ctx.statusCode(), null);
    }

    public void respond(Context ctx, int status, String detail) {
        String code = code(status, detail);
        // Unmatched routes skip the access guard; know who is asking so the page speaks to them.
        if (Web.user(ctx) == null && !Authenticator.isApi(ctx) && status != 503) {
            try {
                authenticator.identify(ctx);
            } catch (RuntimeException e) {
                log.debug("error page without the signed-in user: {}", e.getMessage());
            }
        }
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
