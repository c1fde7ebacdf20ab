package dev.mostrador.settings;

import dev.mostrador.platform.tenants.Branding;
import dev.mostrador.support.Images;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure logic: WCAG contrast, the text colour picked for a shop colour, and the logo's magic bytes. */
class ShopThemeTest {

    @Test
    void textOnAColourIsWhiteOrBlackWhicheverReadsAtAA() {
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 0.01);
        assertEquals("#ffffff", Contrast.textOn("#1f5fbf"));
        assertEquals("#000000", Contrast.textOn("#ffd166"));
        assertEquals("#000000", Contrast.textOn("#ff8c00"), "white on orange reads at 2.4:1 only");
        for (String c : new String[] {"#777777", "#00ff00", "#ff0000", "#0000ff", "#808080", "#ffffff", "#000000"}) {
            assertTrue(Contrast.ratio(c, Contrast.textOn(c)) >= Contrast.AA, c);
        }
        assertEquals("#0d0d0d", Contrast.darker("#1a1a1a", 0.5));
    }

    @Test
    void linksTakeThePrimaryColourOnlyWhereItReadsOnWhite() {
        assertTrue(ShopTheme.css(new Branding("#0b6e4f", null, null)).contains("main a { color: #0b6e4f; }"));
        String light = ShopTheme.css(new Branding("#ffd166", "#0b6e4f", null));
        assertFalse(light.contains("main a {"), light);
        assertTrue(light.contains(".promo-badge { background: #0b6e4f; color: #ffffff;"), light);
    }

    @Test
    void theLogosTypeComesFromItsFirstBytes() {
        assertEquals("image/png", LogoImage.contentType(Images.PNG).orElseThrow());
        assertEquals("image/jpeg", LogoImage.contentType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}).orElseThrow());
        assertEquals("image/webp", LogoImage.contentType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)).orElseThrow());
        assertTrue(LogoImage.contentType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(LogoImage.contentType("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)).isEmpty(), "a RIFF that is not WebP");
        assertTrue(LogoImage.contentType(new byte[] {(byte) 0x89, 'P'}).isEmpty());
    }
}
