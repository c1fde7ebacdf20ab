package dev.mostrador.platform.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * MOSTRADOR_ALLOWED_HOSTS, like Django's ALLOWED_HOSTS: a request whose Host header names another
 * site is answered 400, so a forged Host never reaches a page, a log or a cache as if it were ours.
 * "shop.example" matches that name, ".example" it and its subdomains, "*" anything; an empty list
 * allows any (development). /health is exempt: load balancers probe by address.
 */
public final class AllowedHosts {
    private final List<String> allowed;

    public AllowedHosts(List<String> allowed) {
        this.allowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    public void check(Context ctx) {
        if (allowed.isEmpty() || allowed.contains("*") || "/health".equals(ctx.path())) return;
        if (!allows(ctx.header("Host"))) throw new BadRequestResponse("unknown host");
    }

    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) return false;
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) host = host.substring(0, host.indexOf(']') + 1); // [::1]:7070
        else if (host.indexOf(':') >= 0) host = host.substring(0, host.indexOf(':'));
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        for (String a : allowed) {
            if (a.startsWith(".") ? host.equals(a.substring(1)) || host.endsWith(a) : host.equals(a)) return true;
        }
        return false;
    }
}
