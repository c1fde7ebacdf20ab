package dev.mostrador.platform.web;

import io.javalin.http.Context;

/** Sent on every response: no inline scripts, no framing, no sniffing, a tight referrer. */
public final class SecurityHeaders {
    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final boolean production;

    public SecurityHeaders(boolean production) {
        this.production = production;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (production) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
