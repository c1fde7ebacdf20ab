package dev.mostrador.platform;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiAuthTest {

    @Test
    void loginGivesAnOpaqueTokenThatIdentifiesUserRoleAndTenant() {
        var t = Fixtures.tenant();
        Api.Response login = new Api().post("/api/login", Map.of("email", t.oficina(), "password", Fixtures.PASSWORD));
        assertEquals(200, login.status());
        String token = login.json().get("token").asText();
        assertTrue(token.length() >= 40, "256 random bits");
        assertTrue(Instant.parse(login.json().get("expires_at").asText()).isAfter(Instant.now()));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM api_tokens WHERE token_hash = convert_to(?, 'UTF8')", token),
                "stored hashed, never in clear");

        Api.Response me = new Api().withToken(token).get("/api/me");
        assertEquals(200, me.status());
        assertEquals(t.oficina(), me.json().get("email").asText());
        assertEquals("oficina", me.json().get("role").asText());
        assertEquals(t.id().toString(), me.json().get("tenant").get("id").asText());
        assertEquals(t.tenant().slug(), me.json().get("tenant").get("slug").asText());
    }

    @Test
    void wrongCredentialsAre401Json() {
        var t = Fixtures.tenant();
        Api.Response r = new Api().post("/api/login", Map.of("email", t.admin(), "password", "nope nope nope"));
        assertEquals(401, r.status());
        assertEquals("invalid_credentials", r.json().get("error").asText());
    }

    @Test
    void malformedBodiesAre422NamingTheField() {
        Api.Response notJson = new Api().post("/api/login", "{not json");
        assertEquals(422, notJson.status());
        assertNotNull(notJson.json().get("fields").get("body"));
        Api.Response missing = new Api().post("/api/login", Map.of("email", "a@b.cl"));
        assertEquals(422, missing.status());
        assertEquals("required", missing.json().get("fields").get("password").asText());
    }

    @Test
    void apiNeedsABearerTokenAndIgnoresSessionCookies() {
        var t = Fixtures.tenant();
        assertEquals(401, new Api().get("/api/me").status());
        assertEquals("authentication_required", new Api().get("/api/me").json().get("error").asText());
        assertEquals(401, new Api().withToken("made-up-token").get("/api/me").status());
        Browser b = new Browser().signedIn(t.admin());
        assertEquals(401, b.get("/api/me").statusCode(), "a browser session is not an API credential (no CSRF on /api)");
    }

    @Test
    void logoutRevokesTheTokenAndDeactivationRevokesAll() {
        var t = Fixtures.tenant();
        Api first = Api.as(t.vendedor());
        assertEquals(204, first.post("/api/logout", Map.of()).status());
        assertEquals(401, first.get("/api/me").status());

        Api second = Api.as(t.vendedor());
        TestDatabase.get().dsl().execute("UPDATE users SET active = false WHERE email = ?", t.vendedor());
        assertEquals(401, second.get("/api/me").status(), "inactive users' tokens stop working at once");
    }

    @Test
    void expiredTokensAreRefused() {
        var t = Fixtures.tenant();
        Api api = Api.as(t.admin());
        TestDatabase.get().dsl().execute("UPDATE api_tokens SET expires_at = now() - interval '1 second' "
                + "WHERE token_hash = sha256(convert_to(?, 'UTF8'))", api.token());
        assertEquals(401, api.get("/api/me").status());
    }
}
