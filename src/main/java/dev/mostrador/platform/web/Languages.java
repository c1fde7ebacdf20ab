package dev.mostrador.platform.web;

import io.javalin.http.Context;

/**
 * The language a visitor picks for the pages before sign-in and a tenant's public pages: ?lang=es
 * or ?lang=en on any of them, remembered in a cookie for a year. Signed-in pages follow the tenant.
 */
public final class Languages {
    public static final String PARAM = "lang";
    public static final String COOKIE = "mostrador_lang";
    private static final int REMEMBER_SECONDS = 365 * 24 * 3600;

    private Languages() {}

    /** "es" or "en"; null for anything else (an unknown ?lang= is ignored, not an error). */
    public static String valid(String value) {
        return "es".equals(value) || "en".equals(value) ? value : null;
    }

    /** The language this visitor picked (this request's ?lang= first, then the cookie), or null. */
    public static String picked(Context ctx) {
        String asked = valid(ctx.queryParam(PARAM));
        return asked != null ? asked : valid(ctx.cookie(COOKIE));
    }

    /**
     * As {@link #picked}, and a new pick in ?lang= is remembered for the next pages. The page then
     * depends on the cookie and the browser's language: a shared cache must not hand one visitor's
     * English page to another.
     */
    static String remember(Context ctx, boolean secureCookie) {
        ctx.res().addHeader("Vary", "Accept-Language, Cookie");
        String asked = valid(ctx.queryParam(PARAM));
        if (asked != null && !asked.equals(ctx.cookie(COOKIE))) {
            Cookies.set(ctx, COOKIE, asked, REMEMBER_SECONDS, secureCookie);
        }
        return picked(ctx);
    }
}
