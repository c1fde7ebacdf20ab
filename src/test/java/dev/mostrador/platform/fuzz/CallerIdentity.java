package dev.mostrador.platform.fuzz;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Cookies and CSRF token of a page session, or the headers of an API caller; ip null: a new one per request. */
record CallerIdentity(String cookie, String csrf, Map<String, String> headers, String ip, AtomicInteger uses) {
    CallerIdentity(String cookie, String csrf, Map<String, String> headers, String ip) {
        this(cookie, csrf, headers, ip, new AtomicInteger());
    }
}
