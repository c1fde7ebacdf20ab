package dev.mostrador.users;

import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersTest {

    private static Map<String, String> form(String name, String email, String role, String password) {
        Map<String, String> m = new HashMap<>();
        m.put("name", name);
        m.put("email", email);
        m.put("role", role);
        m.put("password", password);
        return m;
    }

    private static long idOf(String email) {
        return TestDatabase.get().dsl().fetchValue("SELECT id FROM users WHERE email = ?", email) instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        String email = "nuevo-" + t.id() + "@test.cl";
        HttpResponse<String> created = admin.post("/users", form("Nuevo Vendedor", email, "vendedor", "una clave larga"));
        assertEquals(303, created.statusCode());
        HttpResponse<String> list = admin.get("/users");
        assertTrue(list.body().contains("Usuario Nuevo Vendedor creado."), "flash after the redirect");
        assertTrue(list.body().contains(email));
        assertTrue(list.body().contains("Usuarios (4)"), "count in the title");
        assertFalse(admin.get("/users").body().contains("creado."), "the flash shows once");
        String hash = (String) TestDatabase.get().dsl().fetchValue("SELECT password_hash FROM users WHERE email = ?", email);
        assertTrue(hash.startsWith("$2a$12$"), "bcrypt at cost 12: " + hash);
        assertEquals(303, new Browser().login(email, "una clave larga").statusCode());
    }

    @Test
    void invalidFormIs422WithEveryFieldNamedAndValuesKept() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        HttpResponse<String> r = admin.post("/users", form("", "not-an-email", "jefe", "short"));
        assertEquals(422, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("error-summary"));
        assertTrue(html.contains("href=\"#name\""));
        assertTrue(html.contains("Escriba un correo válido"));
        assertTrue(html.contains("Elija un rol"));
        assertTrue(html.contains("al menos 10 caracteres"));
        assertTrue(html.contains("value=\"not-an-email\""), "values kept");
        assertFalse(html.contains("value=\"short\""), "passwords are never echoed back");
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedNotTruncated() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        String email = "largo-" + t.id() + "@test.cl";
        HttpResponse<String> r = admin.post("/users", form("Largo", email, "oficina", "ñ".repeat(40)));
        assertEquals(422, r.statusCode(), "80 bytes in UTF-8");
        assertTrue(r.body().contains("como máximo 72 bytes"));
    }

    @Test
    void anAddressWithoutADotInItsDomainAsTheAppCreatesIsAccepted() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        String email = "caja-" + t.id().toString().substring(0, 8) + "@localhost";
        assertEquals(303, admin.post("/users", form("Caja Local", email, "vendedor", "una clave larga")).statusCode());
        assertEquals(303, new Browser().login(email, "una clave larga").statusCode());
        assertEquals(422, admin.post("/users", form("Mal", "sin-arroba.localhost", "vendedor", "una clave larga")).statusCode());
        assertEquals(422, admin.post("/users", form("Mal", "dos@@puntos", "vendedor", "una clave larga")).statusCode());
    }

    @Test
    void duplicateEmailIs422() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        HttpResponse<String> r = admin.post("/users", form("Otro", t.oficina().toUpperCase(), "oficina", "una clave larga"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Ya existe una cuenta con ese correo"));
    }

    @Test
    void editChangesRoleAndDeactivationEndsSessionsAndTokens() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        Browser vendedor = new Browser().signedIn(t.vendedor());
        Api vendedorApi = Api.as(t.vendedor());
        long id = idOf(t.vendedor());
        assertEquals("vendedor", vendedorApi.get("/api/me").json().get("role").asText(), "the token is now remembered by the app");

        assertEquals(200, admin.get("/users/" + id + "/edit").statusCode());
        Map<String, String> edit = form("Vera Oficina", t.vendedor(), "oficina", "");
        edit.put("active", "true");
        assertEquals(303, admin.post("/users/" + id, edit).statusCode());
        assertEquals("oficina", TestDatabase.get().dsl().fetchValue("SELECT role FROM users WHERE id = ?", id));
        assertEquals("oficina", vendedorApi.get("/api/me").json().get("role").asText(), "the new role applies to the token at once");
        assertEquals(200, vendedor.get("/dashboard").statusCode(), "editing without a new password keeps the session");

        assertTrue(admin.get("/users/" + id + "/deactivate").body().contains("Sí, desactivar"));
        assertEquals(303, admin.post("/users/" + id + "/deactivate", Map.of()).statusCode());
        assertEquals(303, vendedor.get("/dashboard").statusCode(), "the session ended");
        assertEquals(401, vendedorApi.get("/api/me").status(), "the token was revoked");
        assertEquals(401, new Browser().login(t.vendedor(), Fixtures.PASSWORD).statusCode());
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        long id = idOf(t.admin());
        Map<String, String> demote = form("Ana Admin", t.admin(), "vendedor", "");
        demote.put("active", "true");
        HttpResponse<String> r = admin.post("/users/" + id, demote);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("al menos un administrador activo"));
        assertEquals(303, admin.post("/users/" + id + "/deactivate", Map.of()).statusCode());
        assertTrue(admin.get("/users/" + id + "/edit").body().contains("al menos un administrador activo"));
        assertEquals(true, TestDatabase.get().dsl().fetchValue("SELECT active FROM users WHERE id = ?", id));
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        var mine = Fixtures.tenant();
        var theirs = Fixtures.tenant();
        Browser admin = new Browser().signedIn(mine.admin());
        long foreign = idOf(theirs.oficina());
        assertEquals(404, admin.get("/users/" + foreign + "/edit").statusCode());
        assertEquals(404, admin.get("/users/" + foreign + "/deactivate").statusCode());
        Map<String, String> edit = form("Hijack", theirs.oficina(), "admin", "");
        edit.put("active", "true");
        assertEquals(404, admin.post("/users/" + foreign, edit).statusCode());
        assertEquals(404, admin.post("/users/" + foreign + "/deactivate", Map.of()).statusCode());
        assertEquals("oficina", TestDatabase.get().dsl().fetchValue("SELECT role FROM users WHERE id = ?", foreign));
        assertTrue(admin.get("/users?q=" + theirs.oficina()).body().contains("Nada coincide"), "search is tenant scoped");
        assertEquals(404, admin.get("/users/abc/edit").statusCode(), "malformed ids are 404, not 500");
    }

    @Test
    void searchFindsByNameOrEmail() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        String html = admin.get("/users?q=vera").body();
        assertTrue(html.contains(t.vendedor()));
        assertFalse(html.contains(t.oficina()));
        assertTrue(admin.get("/users?q=zzz-nada").body().contains("Nada coincide"));
    }
}
