package dev.mostrador.platform.web;

import io.javalin.http.Context;

/** Query parameters typed by hand: a malformed number falls back to the default instead of failing. */
public final class QueryParams {
    private QueryParams() {}

    public static int intOr(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
