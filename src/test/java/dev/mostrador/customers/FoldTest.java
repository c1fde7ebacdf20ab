package dev.mostrador.customers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The search's cheap twin: a regex on lower(text) that matches where crm_fold(text) contains the folded fragment. */
class FoldTest {
    @Test
    void foldsAsCrmFoldAndBuildsTheAccentClasses() {
        assertEquals("jose pena", Fold.fold("José PEÑA".replace("Ñ", "ñ")));
        assertEquals("p[eéèëê][nñ][aáàäâã]", Fold.prefilter("Peña"));
        assertEquals("56912", Fold.prefilter("56912"));
        assertEquals("[aáàäâã][nñ][aáàäâã]@x\\.[cç]l", Fold.prefilter("ana@x.cl"));
        assertNull(Fold.prefilter("PEÑA"), "an upper-case accent: PostgreSQL may not lower it");
        assertNull(Fold.prefilter("100%"), "% and _ go to LIKE alone");
        assertNull(Fold.prefilter("ø"));
        String re = Fold.prefilter("pena");
        for (String text : new String[] {"josé peña", "pena", "xpeñax", "péñá"}) assertTrue(text.matches(".*" + re + ".*"), text);
        assertFalse("pen a".matches(".*" + re + ".*"));
    }
}
