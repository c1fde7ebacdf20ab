package dev.mostrador.platform.web;

import io.javalin.http.Context;

/** Writes Set-Cookie headers with the attributes we want on every cookie: HttpOnly, SameSite=Lax, Path=/. */
public final class Cookies {
    private Cookies() {}

    /** maxAgeSeconds &lt; 0 makes a browser-session cookie. */
    public static void set(Context ctx, String name, String value, int maxAgeSeconds, boolean secure) {
        StringBuilder header = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) header.append("; Max-Age=").append(maxAgeSeconds);
        if (secure) header.append("; Secure");
        ctx.res().addHeader("Set-Cookie", header.toString());
    }

    public static void clear(Context ctx, String name, boolean secure) {
        set(ctx, name, "", 0, secure);
    }
}
