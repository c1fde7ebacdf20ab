package dev.mostrador.support;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading server-rendered answers: a redirect's target, the flash on the next page, a pattern's first match. */
public final class PageText {
    /** A merchant key as the app shows it once. */
    public static final Pattern MERCHANT_KEY = Pattern.compile("mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final Pattern FLASH = Pattern.compile("<div class=\"flash flash-(success|error)\" role=\"status\">(.*?)</div>", Pattern.DOTALL);

    private PageText() {}

    /** The Location of a 303. */
    public static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), "expected a redirect, got " + r.statusCode() + ": " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** Follows a 303 and returns the flash shown on the next page as "success: text" or "error: text". */
    public static String flashAfter(Browser b, HttpResponse<String> r) {
        String page = b.get(location(r)).body();
        Matcher m = FLASH.matcher(page);
        return m.find() ? m.group(1) + ": " + m.group(2).trim() : "no flash";
    }

    /** The first group of the pattern's first match (or the whole match when it has no group). */
    public static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new AssertionError("no " + p + " in the page");
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }
}
