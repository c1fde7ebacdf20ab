package dev.mostrador.users;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Mi cuenta": everyone changes their own name, and their password behind the current one. */
class AccountTest {

    @Test
    void aVendedorRenamesThemselvesWithoutTheirPassword() {
        var t = Fixtures.tenant();
        Browser me = new Browser().signedIn(t.vendedor());
        HttpResponse<String> page = me.get("/cuenta");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(t.vendedor()) && page.body().contains("Mi cuenta"), page.body());
        HttpResponse<String> saved = me.post("/cuenta", Map.of("name", "Vera Vendedora Ruiz"));
        assertEquals(303, saved.statusCode());
        HttpResponse<String> after = me.get("/cuenta");
        assertTrue(after.body().contains("Sus datos se guardaron.") && after.body().contains("Vera Vendedora Ruiz · Vendedor"), after.body());
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneAndTwoMatchingCopies() {
        var t = Fixtures.tenant();
        Browser me = new Browser().signedIn(t.oficina());
        assertError(me.post("/cuenta", Map.of("name", "Óscar", "new_password", "una clave nueva larga", "repeat_password", "una clave nueva larga")),
                "Escriba su contraseña actual para cambiarla.");
        assertError(me.post("/cuenta", Map.of("name", "Óscar", "current_password", "no es la clave",
                "new_password", "una clave nueva larga", "repeat_password", "una clave nueva larga")), "La contraseña actual no es correcta.");
        assertError(me.post("/cuenta", Map.of("name", "Óscar", "current_password", Fixtures.PASSWORD,
                "new_password", "una clave nueva larga", "repeat_password", "otra clave nueva larga")), "Las dos contraseñas nuevas no coinciden.");
        assertError(me.post("/cuenta", Map.of("name", "", "current_password", Fixtures.PASSWORD,
                "new_password", "corta", "repeat_password", "corta")), "al menos 10 caracteres");
        assertEquals(303, new Browser().login(t.oficina(), Fixtures.PASSWORD).statusCode(), "nothing changed");
    }

    @Test
    void changingThePasswordKeepsThisBrowserAndEndsTheOthers() {
        var t = Fixtures.tenant();
        Browser elsewhere = new Browser().signedIn(t.admin());
        Browser me = new Browser().signedIn(t.admin());
        HttpResponse<String> saved = me.post("/cuenta", Map.of("name", "Ana Admin", "current_password", Fixtures.PASSWORD,
                "new_password", "mi clave nueva y larga", "repeat_password", "mi clave nueva y larga"));
        assertEquals(303, saved.statusCode());
        HttpResponse<String> after = me.get("/cuenta");
        assertEquals(200, after.statusCode(), "still signed in here");
        assertTrue(after.body().contains("Su contraseña cambió"), after.body());
        assertEquals(303, elsewhere.get("/dashboard").statusCode(), "the other session ended");
        assertEquals(401, new Browser().login(t.admin(), Fixtures.PASSWORD).statusCode());
        assertEquals(303, new Browser().login(t.admin(), "mi clave nueva y larga").statusCode());
    }

    private static void assertError(HttpResponse<String> r, String message) {
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains(message), message + " in " + r.body());
        assertFalse(r.body().contains("value=\"" + Fixtures.PASSWORD + "\""), "passwords are never sent back");
    }

    @Test
    void theFirstAdminsHeaderSaysEachThingOnce() {
        // Named "Administrador" in the tenant "Mostrador": not "Administrador · Administrador", "Mostrador [Mostrador]".
        Browser first = new Browser();
        assertEquals(303, first.login("admin@localhost", "bootstrap-admin-password").statusCode());
        String header = first.get("/dashboard").body().split("</header>")[0];
        assertTrue(header.contains(">Administrador</a>"), header);
        assertFalse(header.contains("data-testid=\"tenant\""), header);
        String colleague = new Browser().signedIn(Fixtures.tenant().vendedor()).get("/dashboard").body().split("</header>")[0];
        assertTrue(colleague.contains("Vera Vendedora · Vendedor") && colleague.contains("data-testid=\"tenant\""), colleague);
    }
}
