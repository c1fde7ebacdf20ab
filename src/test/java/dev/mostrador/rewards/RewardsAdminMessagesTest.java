package dev.mostrador.rewards;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin pages' bundles: the same keys in both languages, and apostrophes written as Messages needs them. */
class RewardsAdminMessagesTest {

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(load("es").stringPropertyNames(), load("en").stringPropertyNames());
        assertTrue(load("es").stringPropertyNames().stream().allMatch(k -> k.startsWith("rw.")), "every key starts with rw.");
    }

    /** Messages formats only when given arguments: there '' is one apostrophe, without arguments it would show twice. */
    @Test
    void apostrophesSurviveMessageFormat() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String lang : List.of("es", "en")) {
            Properties p = load(lang);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                boolean formatted = text.matches("(?s).*\\{\\d.*");
                boolean loneQuote = text.replace("''", "").contains("'");
                if (formatted ? loneQuote : text.contains("''")) wrong.add(lang + " " + key);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Properties load(String lang) throws IOException {
        String name = "/i18n/rewards_admin" + ("es".equals(lang) ? "" : "_" + lang) + ".properties";
        Properties p = new Properties();
        try (InputStream in = RewardsAdminMessagesTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
