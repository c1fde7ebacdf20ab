package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import dev.mostrador.support.ChromiumUser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.WithChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin creates a user through the real pages in headless Chromium; the new user then signs in. */
@WithChromium
class UsersBrowserTest {
    private final ChromeDriver browser = Chromium.driver();

    @Test
    void adminCreatesAnOficinaUserWhoCanThenSignIn() {
        Fixtures.TestTenant t = Fixtures.tenant();

        // Sign in as the admin.
        Chromium.open("/login");
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertEquals("Iniciar sesión", browser.findElement(By.tagName("h1")).getText());
        Chromium.screenshot("01-login-desktop");
        Chromium.phone();
        Chromium.screenshot("01-login-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "login page wider than a phone");
        Chromium.desktop();

        ChromiumUser.signInHere(t.admin(), Fixtures.PASSWORD);
        assertEquals(TestApp.baseUrl() + "/dashboard", browser.getCurrentUrl());
        assertEquals("Hola, Ana Admin", browser.findElement(By.cssSelector("main .dashboard-hello")).getText());
        assertEquals("Ana Admin · Administrador", browser.findElement(By.cssSelector("[data-testid=who]")).getText());
        Chromium.screenshot("02-dashboard-desktop");
        Chromium.phone();
        Chromium.screenshot("02-dashboard-phone");
        long dashboardOverflow = Chromium.horizontalOverflow(); // measured and printed, not asserted
        Chromium.desktop();

        // Usuarios in the sidebar.
        browser.findElement(By.cssSelector("nav.sidebar a[href='/users']")).click();
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/users"));
        WebElement heading = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertEquals("Usuarios (3)", heading.getText());
        assertEquals(List.of(t.admin(), t.oficina(), t.vendedor()).stream().sorted().toList(),
                emailsInList().stream().sorted().toList());
        Chromium.screenshot("03-users-list-desktop");
        Chromium.phone();
        Chromium.screenshot("03-users-list-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "users list wider than a phone");
        // On a phone the sidebar hides behind the Menú toggle (a CSS-only checkbox).
        WebElement sidebar = browser.findElement(By.cssSelector("nav.sidebar"));
        assertFalse(sidebar.isDisplayed(), "sidebar hidden on a phone");
        browser.findElement(By.cssSelector("label.nav-toggle-label")).click();
        Chromium.waiting().until(ExpectedConditions.visibilityOf(sidebar));
        assertTrue(browser.findElement(By.cssSelector("nav.sidebar a[href='/users']")).isDisplayed());
        Chromium.screenshot("03-users-menu-phone");
        Chromium.desktop();

        // New user: first with a bad e-mail and a too-short password.
        browser.findElement(By.cssSelector("[data-testid=new-user]")).click();
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/users/new"));
        assertEquals("Nuevo usuario", browser.findElement(By.cssSelector("main h1")).getText());
        assertEquals("vendedor", new Select(browser.findElement(By.id("role"))).getFirstSelectedOption().getDomProperty("value"),
                "a blank form proposes the least privileged role");
        String name = "Nora Nueva";
        String email = "nora-" + UUID.randomUUID().toString().substring(0, 8) + "@test.cl";
        ChromiumUser.type("name", name);
        ChromiumUser.type("email", "nora-en-ningun-lado");
        new Select(browser.findElement(By.id("role"))).selectByValue("oficina");
        ChromiumUser.type("password", "corta");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-user]"));

        WebElement summary = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertEquals(422, Chromium.documentStatus(), "a rejected form answers 422");
        assertEquals(TestApp.baseUrl() + "/users", browser.getCurrentUrl());
        assertEquals("Revise los datos marcados:", summary.findElement(By.tagName("h2")).getText());
        List<String> summaryItems = summary.findElements(By.cssSelector("li a")).stream().map(WebElement::getText).toList();
        String emailError = "Escriba un correo válido, por ejemplo nombre@empresa.cl.";
        String passwordError = "La contraseña debe tener al menos 10 caracteres.";
        assertEquals(List.of(emailError, passwordError), summaryItems);
        assertEquals(List.of("#email", "#password"), summary.findElements(By.cssSelector("li a")).stream()
                .map(a -> a.getDomAttribute("href")).toList(), "summary links jump to the fields");
        assertEquals(emailError, browser.findElement(By.id("email-error")).getText());
        assertEquals(passwordError, browser.findElement(By.id("password-error")).getText());
        assertEquals("true", browser.findElement(By.id("email")).getDomAttribute("aria-invalid"));
        assertEquals("email-error", browser.findElement(By.id("email")).getDomAttribute("aria-describedby"));
        assertFalse(browser.findElements(By.id("name-error")).iterator().hasNext(), "the valid name has no error");
        // What was typed is kept, except the password.
        assertEquals(name, browser.findElement(By.id("name")).getDomProperty("value"));
        assertEquals("nora-en-ningun-lado", browser.findElement(By.id("email")).getDomProperty("value"));
        assertEquals("oficina", new Select(browser.findElement(By.id("role"))).getFirstSelectedOption().getDomProperty("value"));
        assertEquals("", browser.findElement(By.id("password")).getDomProperty("value"));
        // app.js moves the focus to the summary so screen readers announce it.
        Chromium.waiting().withMessage("focus on the error summary").until(d -> "error-summary".equals(
                browser.switchTo().activeElement().getDomAttribute("id")));
        Chromium.screenshot("04-user-form-errors-desktop");
        Chromium.phone();
        Chromium.screenshot("04-user-form-errors-phone");
        assertEquals(0, Chromium.horizontalOverflow(), "user form wider than a phone");
        Chromium.desktop();

        // Then valid data.
        ChromiumUser.type("email", email);
        ChromiumUser.type("password", "una frase bastante larga");
        Chromium.clickAndWait(By.cssSelector("[data-testid=save-user]"));

        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/users"));
        WebElement flash = Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .flash")));
        assertEquals("Usuario Nora Nueva creado.", flash.getText());
        assertTrue(flash.getDomAttribute("class").contains("flash-success"), flash.getDomAttribute("class"));
        assertEquals("Usuarios (4)", browser.findElement(By.cssSelector("main h1")).getText());
        WebElement row = rowFor(email);
        assertEquals(List.of(name, email, "Oficina", "Activo"), row.findElements(By.tagName("td")).stream()
                .limit(4).map(WebElement::getText).toList());
        Chromium.screenshot("05-users-created-desktop");
        Chromium.phone();
        Chromium.screenshot("05-users-created-phone");
        Chromium.desktop();

        // Salir, then the new user signs in.
        Chromium.clickAndWait(By.cssSelector("header.topbar form[action='/logout'] button"));
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/login"));
        assertEquals("Cerró sesión.", browser.findElement(By.cssSelector(".flash")).getText());
        Chromium.open("/users");
        Chromium.waiting().until(ExpectedConditions.urlContains("/login"));
        assertTrue(browser.findElements(By.cssSelector("[data-testid=who]")).isEmpty(), "signed out");

        Chromium.open("/login");
        ChromiumUser.signInHere(email, "una frase bastante larga");
        assertEquals(TestApp.baseUrl() + "/dashboard", browser.getCurrentUrl());
        assertEquals("Nora Nueva · Oficina", browser.findElement(By.cssSelector("[data-testid=who]")).getText());
        assertTrue(browser.findElements(By.cssSelector("nav.sidebar a[href='/users']")).isEmpty(),
                "an oficina user has no Usuarios menu entry");
        Chromium.screenshot("06-dashboard-oficina-desktop");

        System.out.printf("[browser tests] dashboard at 390 px overflows sideways by %d px%n", dashboardOverflow);
    }

    private List<String> emailsInList() {
        return browser.findElements(By.cssSelector("table.responsive tbody td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement rowFor(String email) {
        return browser.findElements(By.cssSelector("table.responsive tbody tr")).stream()
                .filter(tr -> tr.getText().contains(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError(email + " not in the list: " + emailsInList()));
    }
}
