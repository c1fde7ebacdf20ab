package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final Map<String, String> headers;

    public SecurityHeaders(boolean production) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        if (production) h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        this.headers = Collections.unmodifiableMap(h);
    }

    public void apply(Context ctx) {
        headers.forEach(ctx::header);
    }

    /** In the order they are sent. */
    public Map<String, String> headers() {
        return headers;
    }
}
