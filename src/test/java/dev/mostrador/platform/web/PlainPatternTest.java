package dev.mostrador.platform.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.mostrador.support.Bundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The concatenating fast path of {@link Messages} writes exactly what ICU would, for every bundle text it takes. */
class PlainPatternTest {
    private static final Object[] TEXT_ARGS = {"«a0»", "a1", "$ 1.990", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"};

    @Test
    void everyPlainBundleTextIsFilledAsIcuFillsIt() throws Exception {
        int plain = 0;
        for (Path bundle : Bundles.bundles()) {
            Properties p = Bundles.load(bundle);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                var fast = Messages.PlainPattern.of(pattern);
                if (fast.isEmpty()) continue;
                plain++;
                String icu = new MessageFormat(pattern, new ULocale("es-CL")).format(TEXT_ARGS);
                assertEquals(icu, fast.get().fill(TEXT_ARGS), bundle.getFileName() + " " + key);
            }
        }
        assertTrue(plain > 200, "most texts are plain: " + plain);
    }

    @Test
    void numbersQuotesAndPluralsAreLeftToIcu() {
        assertNull(Messages.PlainPattern.of("Quedan {0}").get().fill(new Object[] {1000}), "a number: ICU writes its digits");
        assertNull(Messages.PlainPattern.of("Hola {1}").get().fill(new Object[] {"a"}), "a missing argument");
        assertTrue(Messages.PlainPattern.of("It''s {0}").isEmpty());
        assertTrue(Messages.PlainPattern.of("{0, plural, one {# día} other {# días}}").isEmpty());
    }
}
