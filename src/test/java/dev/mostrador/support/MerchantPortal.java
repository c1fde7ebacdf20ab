package dev.mostrador.support;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A browser at the merchant portal (/comercio): signs in with a key, verifies and confirms codes. */
public final class MerchantPortal {
    private final Browser browser;

    public MerchantPortal(Browser browser) {
        this.browser = browser;
    }

    /** A fresh browser signed in with this merchant API key. */
    public static MerchantPortal signedIn(String apiKey) {
        MerchantPortal portal = new MerchantPortal(new Browser());
        HttpResponse<String> r = portal.login(apiKey);
        assertEquals(303, r.statusCode(), () -> "merchant sign-in: " + r.statusCode() + " " + r.body());
        assertEquals("/comercio", r.headers().firstValue("Location").orElse(null));
        return portal;
    }

    public Browser browser() {
        return browser;
    }

    /** POST /comercio/login with the token of the /comercio page itself. */
    public HttpResponse<String> login(String apiKey) {
        return browser.post("/comercio/login", Map.of("_csrf", token(), "api_key", apiKey));
    }

    public HttpResponse<String> verify(String typed) {
        return browser.post("/comercio/verificar", Map.of("_csrf", token(), "code", typed));
    }

    public HttpResponse<String> confirm(String code) {
        return browser.post("/comercio/confirmar", Map.of("_csrf", token(), "code", code));
    }

    public HttpResponse<String> logout() {
        return browser.post("/comercio/logout", Map.of("_csrf", token()));
    }

    public HttpResponse<String> home() {
        return browser.get("/comercio");
    }

    private String token() {
        return Browser.csrfIn(home().body());
    }
}
