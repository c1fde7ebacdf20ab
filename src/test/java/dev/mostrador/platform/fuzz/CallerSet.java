package dev.mostrador.platform.fuzz;

import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.merchants.MerchantRepository;
import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.TestDatabase;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mostrador.platform.fuzz.CallerKind.ADMIN;
import static dev.mostrador.platform.fuzz.CallerKind.ANONYMOUS;
import static dev.mostrador.platform.fuzz.CallerKind.MERCHANT;

/**
 * A caller of each kind for the pages (an admin's browser session with its CSRF token, an anonymous
 * browser, a merchant signed in at the portal) and for the API (admin bearer tokens, no
 * credentials, merchant keys), all of the test tenant.
 */
final class CallerSet {
    private static final AtomicInteger MERCHANTS = new AtomicInteger();
    private final Fixtures.TestTenant tenant;
    private final Map<CallerKind, FuzzCaller> pages = new EnumMap<>(CallerKind.class);
    private final Map<CallerKind, FuzzCaller> api = new EnumMap<>(CallerKind.class);

    private CallerSet(Fixtures.TestTenant tenant, String firstAdmin, String firstMerchantKey, int merchantPageUses) {
        this.tenant = tenant;
        pages.put(ADMIN, adminPages(firstAdmin));
        pages.put(ANONYMOUS, new FuzzCaller(Integer.MAX_VALUE, CallerSet::anonymousBrowser, r -> false));
        pages.put(MERCHANT, merchantPages(firstMerchantKey, merchantPageUses));
        // Bearer tokens of admin users, a new user every 25 requests: the API allows 30 writes a minute per user.
        api.put(ADMIN, new FuzzCaller(25,
                () -> sendingHeader("Authorization", "Bearer " + Fixtures.apiToken(Fixtures.user(tenant, Role.ADMIN))),
                CallerSet::unauthorizedOrLimited));
        api.put(ANONYMOUS, new FuzzCaller(Integer.MAX_VALUE, () -> new CallerIdentity(null, null, Map.of(), null), r -> false));
        api.put(MERCHANT, new FuzzCaller(8, () -> sendingHeader("X-Merchant-Key", newMerchantKey()), CallerSet::unauthorizedOrLimited));
    }

    /**
     * For the crawl: the tenant's first admin, and the seeded offer's own merchant, whom the portal
     * shows the confirm form of the seeded code.
     */
    static CallerSet forCrawl(Fixtures.TestTenant tenant, String seededMerchantKey) {
        return new CallerSet(tenant, tenant.admin(), seededMerchantKey, Integer.MAX_VALUE);
    }

    /**
     * For the fuzz: admins made after the crawl's, so no fuzzed POST /users/{id} targets the session
     * that sends it; a new merchant every few requests (10 unknown codes a minute per merchant).
     */
    static CallerSet forFuzz(Fixtures.TestTenant tenant) {
        return new CallerSet(tenant, null, null, 8);
    }

    /** The caller of this kind for the path: the API's or the pages'. */
    FuzzCaller get(String path, CallerKind kind) {
        return (RoutePaths.isApi(path) ? api : pages).get(kind);
    }

    /** A signed-in admin's browser session; a new admin user when it is signed out (e.g. deactivated by a fuzzed request). */
    private FuzzCaller adminPages(String firstEmail) {
        AtomicReference<String> first = new AtomicReference<>(firstEmail);
        return new FuzzCaller(Integer.MAX_VALUE, () -> {
            String email = first.getAndSet(null);
            Browser b = new Browser().signedIn(email != null ? email : Fixtures.user(tenant, Role.ADMIN));
            return new CallerIdentity(b.cookieHeader(), b.csrfToken(), Map.of(), b.ip());
        }, r -> r.statusCode() == 429 || r.statusCode() == 303 && location(r).startsWith("/login"));
    }

    /** A browser that is not signed in: its pre-session cookie and CSRF token, a new IP per request (login throttle). */
    private static CallerIdentity anonymousBrowser() {
        Browser b = new Browser();
        String csrf = Browser.csrfIn(b.get("/login").body());
        return new CallerIdentity(b.cookieHeader(), csrf, Map.of(), null);
    }

    private FuzzCaller merchantPages(String firstKey, int maxUses) {
        AtomicReference<String> first = new AtomicReference<>(firstKey);
        return new FuzzCaller(maxUses, () -> {
            String key = first.getAndSet(null);
            MerchantPortal portal = MerchantPortal.signedIn(key != null ? key : newMerchantKey());
            return new CallerIdentity(portal.browser().cookieHeader(), Browser.csrfIn(portal.home().body()), Map.of(), null);
        }, r -> r.statusCode() == 429 || r.statusCode() == 303 && location(r).equals("/comercio"));
    }

    /**
     * A merchant of the test tenant with a fresh API key, stored directly with a cheap bcrypt hash:
     * the portal and the API check it like any other, without a quarter of a second of bcrypt each.
     */
    private String newMerchantKey() {
        byte[] p = new byte[6];
        SecureRandom random = new SecureRandom();
        random.nextBytes(p);
        String prefix = HexFormat.of().formatHex(p);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 43; i++) secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        String key = "mk_" + prefix + "_" + secret;
        new MerchantRepository(TestDatabase.get().dsl()).create(tenant.id(),
                new MerchantRepository.Fields("Comercio fuzz " + MERCHANTS.incrementAndGet(), "Tienda", null, null, null, true),
                new MerchantKeys.NewKey(key, prefix, BCrypt.withDefaults().hashToString(4, key.toCharArray())));
        return key;
    }

    /** An API caller known by one header alone. */
    private static CallerIdentity sendingHeader(String name, String value) {
        return new CallerIdentity(null, null, Map.of(name, value), null);
    }

    private static boolean unauthorizedOrLimited(HttpResponse<String> r) {
        return r.statusCode() == 401 || r.statusCode() == 429;
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
