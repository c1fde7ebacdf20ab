package dev.mostrador.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.config.Config;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.models.runtime.JteModel;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Helpers every route uses: the page context, rendering, redirects with flash, the client IP. */
public final class Web {
    public static final String SESSION_COOKIE = "mostrador_session";
    public static final String USER_ATTR = "mostrador.user";
    public static final String SESSION_ENDED = "mostrador.session-ended";
    /** Set when a handler wrote its own body, so the generic error pages leave it alone. */
    public static final String RENDERED = "mostrador.rendered";

    private static final ObjectMapper FALLBACK_MAPPER = new ObjectMapper();

    private final Config config;
    private final Csrf csrf;
    private final ClientAddress clientAddress;
    private final RateLimits rateLimits;

    public Web(Config config, Csrf csrf, RateLimits rateLimits) {
        this.config = config;
        this.csrf = csrf;
        this.clientAddress = new ClientAddress(config.trustProxy(), config.trustedProxies());
        this.rateLimits = rateLimits;
    }

    /** With rate limits in this process's memory. */
    public Web(Config config, Csrf csrf) {
        this(config, csrf, RateLimits.inMemory());
    }

    /** The rate limiters' factory: every route's limits count in one store, shared by the instances when configured. */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    public static CurrentUser user(Context ctx) {
        return ctx.attribute(USER_ATTR);
    }

    /**
     * A page of the back office in the tenant's language; before sign-in (a page of no tenant: the
     * login, the merchant portal's sign-in) in the language the visitor picked, else the browser's.
     */
    public PageContext page(Context ctx) {
        CurrentUser user = user(ctx);
        String picked = Languages.remember(ctx, config.secureCookies());
        String lang = user != null ? user.tenant().locale() : picked != null ? picked : preferredLanguage(ctx);
        return new PageContext(user, Messages.of(lang), csrf.token(ctx), Flash.take(ctx, config.secureCookies()),
                ctx.path());
    }

    /** A public page of a tenant: in the tenant's language, unless the visitor picked another; with its name, logo and colours. */
    public PageContext page(Context ctx, dev.mostrador.platform.tenants.Tenant tenant) {
        PageContext page = page(ctx);
        return new PageContext(page.user(), messages(ctx, tenant), page.csrfToken(), page.flash(), page.path(), tenant);
    }

    public static String preferredLanguage(Context ctx) {
        return preferredLanguage(ctx.header("Accept-Language"));
    }

    /** "en" when the Accept-Language header starts with English, else Spanish. */
    public static String preferredLanguage(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase().startsWith("en") ? "en" : "es";
    }

    /** The texts for what {@link #page(Context)} shows: flash messages, errors, form problems. */
    public static Messages messages(Context ctx) {
        CurrentUser user = user(ctx);
        if (user != null) return Messages.of(user.tenant().locale());
        String picked = Languages.picked(ctx);
        return Messages.of(picked != null ? picked : preferredLanguage(ctx));
    }

    /** The texts for a public page of a tenant, as {@link #page(Context, dev.mostrador.platform.tenants.Tenant)}. */
    public static Messages messages(Context ctx, dev.mostrador.platform.tenants.Tenant tenant) {
        String picked = Languages.picked(ctx);
        return Messages.of(picked == null || picked.equals(tenant.language()) ? tenant.locale() : picked);
    }

    public void render(Context ctx, JteModel model) {
        render(ctx, HttpStatus.OK, model);
    }

    public void render(Context ctx, HttpStatus status, JteModel model) {
        TemplateOutput out = new StringOutput();
        model.render(out);
        Bodies.send(ctx, status, "text/html; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void json(Context ctx, HttpStatus status, Object body) {
        Bodies.send(ctx, status, ContentType.JSON, jsonBytes(ctx, body));
    }

    /**
     * What {@code ctx.json(body)} sends, as UTF-8 bytes straight from Jackson. Javalin's own path
     * builds a String first (UTF-16 as soon as the text holds «» or an accent) and then encodes it
     * again: three copies of a 200 KB quote instead of one.
     */
    public static byte[] jsonBytes(Context ctx, Object body) {
        if (body instanceof byte[] ready) return ready;
        if (body instanceof String raw) return raw.getBytes(StandardCharsets.UTF_8);
        if (ctx.jsonMapper() instanceof JavalinJackson jackson) {
            try {
                return jackson.getMapper().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the response as JSON", e);
            }
        }
        return ctx.jsonMapper().toJsonString(body, body.getClass()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a JSON body, field by field, with Jackson's streaming generator. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * For large answers: the body written straight to bytes with the streaming generator of the
     * app's mapper (same settings as {@link #json}), without building maps or objects for it first.
     */
    public static void writeJson(Context ctx, HttpStatus status, JsonWriter body) {
        ObjectMapper mapper = ctx.jsonMapper() instanceof JavalinJackson jackson ? jackson.getMapper() : FALLBACK_MAPPER;
        // Jackson's segmented builder (as in writeValueAsBytes): no doubling-and-copying of a 200 KB array.
        byte[] bytes;
        try (ByteArrayBuilder out = new ByteArrayBuilder(16 * 1024);
             JsonGenerator json = mapper.createGenerator(out)) {
            body.write(json);
            json.flush();
            bytes = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response as JSON", e);
        }
        Bodies.send(ctx, status, ContentType.JSON, bytes);
    }

    /** A JSON error with the fields that are wrong, for /api/*. */
    public static void jsonError(Context ctx, HttpStatus status, String error, Map<String, String> fields) {
        json(ctx, status, fields == null || fields.isEmpty() ? Map.of("error", error) : Map.of("error", error, "fields", fields));
    }

    public void redirectWithFlash(Context ctx, String location, String text) {
        Flash.set(ctx, "success", text, config.secureCookies());
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    public void flashError(Context ctx, String location, String text) {
        Flash.set(ctx, "error", text, config.secureCookies());
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    public String clientIp(Context ctx) {
        return clientAddress.of(ctx.ip(), config.trustProxy() ? ctx.header("X-Forwarded-For") : null);
    }

    public Config config() {
        return config;
    }

    public Csrf csrf() {
        return csrf;
    }

    /**
     * Only a path that stays on this site, so ?next= cannot send the user elsewhere. Browsers drop
     * tabs and newlines and read a backslash as a slash ("/\t/evil.example" is "//evil.example",
     * another host), so anything but printable ASCII is refused, then the path must resolve
     * against our own origin to our own origin.
     */
    public static String safeNext(String next) {
        String fallback = "/dashboard";
        if (next == null || next.isEmpty() || next.length() > 2000 || next.charAt(0) != '/') return fallback;
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') return fallback;
        }
        if (next.startsWith("//")) return fallback;
        try {
            java.net.URI origin = java.net.URI.create("http://mostrador.invalid/");
            java.net.URI resolved = origin.resolve(next);
            if (!"http".equals(resolved.getScheme()) || !"mostrador.invalid".equals(resolved.getHost())
                    || resolved.getPort() != -1 || resolved.getRawUserInfo() != null) return fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        return next;
    }
}
