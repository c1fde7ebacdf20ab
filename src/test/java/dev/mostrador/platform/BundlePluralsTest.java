package dev.mostrador.platform;

import dev.mostrador.support.Bundles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundle text that counts something says it through ICU plural forms, so "1 confirmaciones"
 * cannot come back: a number placeholder next to a plural noun, a choice or a "(s)" fails here.
 */
public class BundlePluralsTest {
    private static final Pattern PLURAL_ARG = Pattern.compile("\\{\\s*\\d+\\s*,\\s*(plural|selectordinal|select)\\s*,");
    private static final String SIMPLE_ARG = "\\{\\d+(?:\\s*,\\s*number[^}]*)?\\}";
    private static final Pattern WORD_AFTER = Pattern.compile(SIMPLE_ARG + "\\s+(\\p{L}+)");
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)\\s+" + SIMPLE_ARG);
    /** Words ending in s after a placeholder that are verbs of a name, not plural nouns. */
    private static final Set<String> NOT_NOUNS = Set.of("es", "is", "was", "has", "does", "takes", "needs", "gets",
            "goes", "contains", "includes", "says", "más");
    /** Words before a placeholder that make it a count: "quedan 3", "los últimos 30". */
    private static final Set<String> COUNT_BEFORE = Set.of("quedan", "faltan", "últimos", "últimas", "last", "latest");
    /** Placeholders followed by a plural word that are not counts: {0} is the shop's name. */
    private static final Set<String> NOT_COUNTS = Set.of("public.ofertas_title");

    @Test
    void countsInTheBundlesHavePluralForms() throws IOException, URISyntaxException {
        List<String> wrong = new ArrayList<>();
        List<Path> bundles = Bundles.bundles();
        assertTrue(bundles.size() >= 8, "found the bundles: " + bundles);
        for (Path bundle : bundles) {
            Properties p = Bundles.load(bundle);
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                if (NOT_COUNTS.contains(key)) continue;
                String problem = problem(p.getProperty(key));
                if (problem != null) wrong.add(bundle.getFileName() + " " + key + ": " + problem);
            }
        }
        assertEquals(List.of(), wrong, "write counts as {0, plural, one {# producto} other {# productos}}");
    }

    @Test
    void theScanFindsCountsWithoutPluralForms() {
        assertEquals("a count before «confirmaciones»", problem("Últimos días: {1} confirmaciones en total"));
        assertEquals("a count after «quedan»", problem("quedan {0}"));
        assertEquals("a count before «days»", problem("last {0,number,integer} days"));
        assertEquals("a choice instead of a plural", problem("{0,choice,1#1 día|1<{0} días}"));
        assertEquals("a (s)", problem("{0} producto(s)"));
        assertEquals(null, problem("{0, plural, one {# confirmación} other {# confirmaciones}} en total"));
        assertEquals(null, problem("{0} es obligatorio; {0} takes at most {1, plural, one {# byte} other {# bytes}}."));
    }

    /** Why a text needs plural forms, or null. The plural parts are taken out first. */
    static String problem(String text) {
        String rest = withoutPlurals(text);
        if (rest.matches("(?s).*\\{\\s*\\d+\\s*,\\s*choice.*")) return "a choice instead of a plural";
        if (rest.contains("(s)")) return "a (s)";
        Matcher after = WORD_AFTER.matcher(rest);
        while (after.find()) {
            String word = after.group(1).toLowerCase();
            if (word.endsWith("s") && !NOT_NOUNS.contains(word)) return "a count before «" + after.group(1) + "»";
        }
        Matcher before = WORD_BEFORE.matcher(rest);
        while (before.find()) {
            if (COUNT_BEFORE.contains(before.group(1).toLowerCase())) return "a count after «" + before.group(1) + "»";
        }
        return null;
    }

    private static String withoutPlurals(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLURAL_ARG.matcher(text);
        int from = 0;
        while (m.find(from)) {
            out.append(text, from, m.start()).append("{N}");
            int depth = 0;
            int i = m.start();
            for (; i < text.length(); i++) {
                if (text.charAt(i) == '{') depth++;
                else if (text.charAt(i) == '}' && --depth == 0) break;
            }
            from = Math.min(i + 1, text.length());
        }
        return out.append(text.substring(from)).toString();
    }
}
