package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A one-time message shown on the page after a redirect, carried in a short-lived cookie. */
public record Flash(String kind, String text) {
    static final String COOKIE = "mostrador_flash";

    public static void set(Context ctx, String kind, String text, boolean secure) {
        Cookies.set(ctx, COOKIE, URLEncoder.encode(kind + "|" + text, StandardCharsets.UTF_8), 60, secure);
    }

    /** Reads the flash and clears it, so it is shown once. */
    public static Flash take(Context ctx, boolean secure) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isEmpty()) return null;
        Cookies.clear(ctx, COOKIE, secure);
        String value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        int bar = value.indexOf('|');
        if (bar < 0) return null;
        String kind = value.substring(0, bar);
        return new Flash(kind.equals("error") ? "error" : "success", value.substring(bar + 1));
    }
}
