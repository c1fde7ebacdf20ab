package dev.mostrador.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a person does in the shared Chromium: sign in, type into fields, read the page, wait for the next one. */
public final class ChromiumUser {
    private static final By SIGN_IN = By.cssSelector("form[action='/login'] button[type=submit]");

    private ChromiumUser() {}

    /** Opens /login and signs in with the test password; returns once the dashboard shows who is signed in. */
    public static void signIn(String email) {
        Chromium.open("/login");
        signInHere(email, Fixtures.PASSWORD);
    }

    /** Fills the sign-in form already shown and waits for the dashboard. */
    public static void signInHere(String email, String password) {
        type("email", email);
        type("password", password);
        Chromium.clickAndWait(SIGN_IN);
        Chromium.waiting().until(ExpectedConditions.urlToBe(TestApp.baseUrl() + "/dashboard"));
        Chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=who]")));
    }

    /** Replaces the text of the field with this id. */
    public static void type(String id, String text) {
        WebElement input = Chromium.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a field's value from JavaScript: datetime-local inputs take typing in the browser's locale. */
    public static void setValue(String id, String value) {
        WebElement input = Chromium.driver().findElement(By.id(id));
        Chromium.driver().executeScript("arguments[0].value = arguments[1];", input, value);
        assertEquals(value, input.getDomProperty("value"), id + " did not take the value");
    }

    public static String value(String id) {
        return Chromium.driver().findElement(By.id(id)).getDomProperty("value");
    }

    /** The trimmed text of the first element matching the CSS selector. */
    public static String text(String css) {
        return Chromium.driver().findElement(By.cssSelector(css)).getText().trim();
    }

    public static String heading() {
        return Chromium.driver().findElement(By.tagName("h1")).getText();
    }

    public static List<String> texts(WebElement parent, By by) {
        return parent.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Opens a path and waits until it is loaded and really shown (no redirect elsewhere). */
    public static void openAndWait(String path) {
        Chromium.open(path);
        Chromium.waiting().until(d -> "complete".equals(Chromium.driver().executeScript("return document.readyState")));
        assertEquals(TestApp.baseUrl() + path, Chromium.driver().getCurrentUrl());
    }

    /** Visible elements matching the CSS selector that are shorter or narrower than 44 CSS pixels (a phone's tap target). */
    @SuppressWarnings("unchecked")
    public static List<String> smallTapTargets(String selector) {
        return (List<String>) Chromium.driver().executeScript(
                "return [...document.querySelectorAll(arguments[0])]"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })"
                        + ".map(e => e.outerHTML.slice(0, 80));", selector);
    }
}
