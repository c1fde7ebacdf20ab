package dev.mostrador.support;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where texts stand in a page: the sorted lists' tests check the order of their rows with it. */
public final class HtmlOrder {
    private HtmlOrder() {}

    /** Each text appears in {@code html}, after the one before it. */
    public static void assertOrder(String html, String... inOrder) {
        int last = -1;
        for (String s : inOrder) {
            int at = html.indexOf(s);
            assertTrue(at > last, s + " after the one before it in " + List.of(inOrder));
            last = at;
        }
    }
}
