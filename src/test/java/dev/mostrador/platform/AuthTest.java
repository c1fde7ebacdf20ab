package dev.mostrador.platform;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.users.LoginThrottle;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {

    @Test
    void loginLandsOnTheDashboardAndLogoutEndsTheSession() {
        var t = Fixtures.tenant();
        Browser b = new Browser();
        HttpResponse<String> login = b.login(t.admin(), Fixtures.PASSWORD);
        assertEquals(303, login.statusCode());
        assertEquals("/dashboard", login.headers().firstValue("Location").orElseThrow());
        String setCookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("mostrador_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);

        HttpResponse<String> dashboard = b.get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains(t.tenant().name()), "shows the tenant");
        assertTrue(dashboard.body().contains("Ana Admin"), "shows the user");
        assertEquals("no-store", dashboard.headers().firstValue("Cache-Control").orElse(""));

        String session = cookie(b, "mostrador_session");
        assertEquals(303, b.post("/logout", Map.of()).statusCode());
        assertEquals(303, b.get("/dashboard").statusCode(), "signed out");
        // The old cookie value is dead on the server, not just forgotten by the browser.
        Browser thief = new Browser();
        thief.cookies().getCookieStore().add(java.net.URI.create(dev.mostrador.support.TestApp.baseUrl()), withPath(new HttpCookie("mostrador_session", session)));
        assertEquals(303, thief.get("/dashboard").statusCode());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        var t = Fixtures.tenant();
        HttpResponse<String> wrong = new Browser().login(t.admin(), "not the password");
        HttpResponse<String> unknown = new Browser().login("nobody-" + t.id() + "@test.cl", "not the password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains("Correo o contraseña incorrectos"));
        assertTrue(wrong.body().contains("value=\"" + t.admin() + "\""), "keeps the e-mail typed");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM login_attempts WHERE email = ? AND reason = 'wrong_password'", t.admin()));
    }

    @Test
    void emptyLoginFormIs422WithFieldMessages() {
        Browser b = new Browser();
        b.get("/login");
        HttpResponse<String> r = b.post("/login", Map.of("email", "", "password", ""));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("error-summary"));
        assertTrue(r.body().contains("id=\"email-error\""));
        assertTrue(r.body().contains("id=\"password-error\""));
    }

    @Test
    void sessionIdIsRotatedAtLogin() {
        var t = Fixtures.tenant();
        Browser b = new Browser();
        b.signedIn(t.vendedor());
        String first = cookie(b, "mostrador_session");
        b.login(t.vendedor(), Fixtures.PASSWORD);
        String second = cookie(b, "mostrador_session");
        assertNotEquals(first, second);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM sessions WHERE id_hash = sha256(convert_to(?, 'UTF8'))", first),
                "the session of the previous login is gone");
    }

    @Test
    void throttlesAnAccountAfterFiveFailuresAndLogsEveryAttempt() {
        var t = Fixtures.tenant();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, new Browser().login(t.oficina(), "wrong password " + i).statusCode());
        }
        HttpResponse<String> blocked = new Browser().login(t.oficina(), Fixtures.PASSWORD);
        assertEquals(429, blocked.statusCode(), "even the right password waits out the window");
        assertTrue(blocked.body().contains("Demasiados intentos"));
        assertEquals(6, TestDatabase.count("SELECT count(*) FROM login_attempts WHERE email = ?", t.oficina()));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM login_attempts WHERE email = ? AND reason = 'throttled'", t.oficina()));
    }

    @Test
    void colleaguesBehindOneRouterDoNotLockEachOtherOut() {
        var t = Fixtures.tenant();
        Browser shop = new Browser();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(401, shop.login(t.vendedor(), "wrong password " + i).statusCode());
        }
        assertEquals(429, shop.login(t.vendedor(), Fixtures.PASSWORD).statusCode(), "that account waits out the window");
        assertEquals(303, shop.login(t.admin(), Fixtures.PASSWORD).statusCode(), "a colleague on the same IP signs in");
    }

    @Test
    void throttlesAnIpAfterManyFailuresAcrossAccounts() {
        var t = Fixtures.tenant();
        Browser attacker = new Browser();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_IP; i++) {
            assertEquals(401, attacker.login("guess" + i + "-" + t.id() + "@test.cl", "whatever-" + i).statusCode(), "attempt " + (i + 1));
        }
        assertEquals(429, attacker.login(t.admin(), Fixtures.PASSWORD).statusCode());
        assertEquals(303, new Browser().login(t.admin(), Fixtures.PASSWORD).statusCode(), "other IPs are not affected");
    }

    @Test
    void postWithoutOrWithAForeignCsrfTokenIsRefused() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        Map<String, String> user = Map.of("name", "X", "email", "x-" + t.id() + "@test.cl", "role", "vendedor", "password", "long enough pw");
        assertEquals(403, admin.postRaw("/users", user).statusCode());
        String other = new Browser().signedIn(t.oficina()).csrfToken();
        var withForeign = new java.util.HashMap<>(user);
        withForeign.put("_csrf", other);
        HttpResponse<String> r = admin.postRaw("/users", withForeign);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("El formulario expiró"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", "x-" + t.id() + "@test.cl"));
        assertEquals(403, new Browser().postRaw("/login", Map.of("email", t.admin(), "password", Fixtures.PASSWORD)).statusCode(),
                "the login form needs its token too");
    }

    @Test
    void idleAndTooOldSessionsExpire() {
        var t = Fixtures.tenant();
        Browser idle = new Browser().signedIn(t.admin());
        Browser old = new Browser().signedIn(t.oficina());
        TestDatabase.get().dsl().execute(
                "UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE id_hash = sha256(convert_to(?, 'UTF8'))",
                cookie(idle, "mostrador_session"));
        TestDatabase.get().dsl().execute(
                "UPDATE sessions SET created_at = now() - interval '13 hours' WHERE id_hash = sha256(convert_to(?, 'UTF8'))",
                cookie(old, "mostrador_session"));
        HttpResponse<String> r = idle.get("/dashboard");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("/login?next="));
        assertEquals(303, old.get("/dashboard").statusCode());
        Browser fresh = new Browser().signedIn(t.vendedor());
        assertEquals(200, fresh.get("/dashboard").statusCode());
    }

    @Test
    void loginRedirectsBackToTheRequestedPageButNeverOffSite() {
        var t = Fixtures.tenant();
        Browser b = new Browser();
        assertEquals("/login?next=%2Fusers%3Fq%3Dana", b.get("/users?q=ana").headers().firstValue("Location").orElseThrow());
        b.get("/login");
        var r = b.post("/login", Map.of("email", t.admin(), "password", Fixtures.PASSWORD, "next", "/users?q=ana"));
        assertEquals("/users?q=ana", r.headers().firstValue("Location").orElseThrow());
        Browser c = new Browser();
        c.get("/login");
        var evil = c.post("/login", Map.of("email", t.admin(), "password", Fixtures.PASSWORD, "next", "//evil.example/x"));
        assertEquals("/dashboard", evil.headers().firstValue("Location").orElseThrow());
    }

    static String cookie(Browser b, String name) {
        return b.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private static HttpCookie withPath(HttpCookie c) {
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    @Test
    void unauthenticatedPagesAreNotCachedAsSignedIn() {
        assertFalse(new Browser().get("/login").headers().firstValue("Cache-Control").orElse("").contains("public"));
    }
}
