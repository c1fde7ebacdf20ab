package dev.mostrador.settings;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.Images;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logo upload: PNG, JPEG and WebP told by their bytes, 200 KB at most, served per tenant. */
public class LogoTest {
    @Test
    void aPngIsStoredAndServedPubliclyWithItsTypeAndCaching() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        HttpResponse<String> up = admin.postFile("/ajustes/logo", "logo", "logo.bin", "application/octet-stream", Images.PNG);
        assertEquals(303, up.statusCode(), up.body());
        String settings = admin.get("/ajustes").body();
        assertTrue(settings.contains("El logo se guardó."), settings);
        String url = between(settings, "src=\"/t/" + t.tenant().slug() + "/logo?v=", "\"");

        HttpResponse<byte[]> logo = new Browser().getBytes("/t/" + t.tenant().slug() + "/logo?v=" + url);
        assertEquals(200, logo.statusCode());
        assertArrayEquals(Images.PNG, logo.body());
        assertEquals("image/png", logo.headers().firstValue("Content-Type").orElse(null), "from the bytes, not the browser's word");
        assertEquals("nosniff", logo.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(logo.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertTrue(logo.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertFalse(new Browser().getBytes("/t/" + t.tenant().slug() + "/logo?v=1").headers().firstValue("Cache-Control")
                .orElse("").contains("immutable"), "an old version is kept briefly only");

        String publicPage = new Browser().get("/t/" + t.tenant().slug() + "/ofertas").body();
        assertTrue(publicPage.contains("class=\"shop-logo\" src=\"/t/" + t.tenant().slug() + "/logo?v=" + url + "\""), publicPage);
        assertEquals(404, new Browser().getBytes("/t/" + Fixtures.tenant().tenant().slug() + "/logo").statusCode(), "another shop has none");

        assertEquals(303, admin.post("/ajustes/logo/quitar", java.util.Map.of()).statusCode());
        assertEquals(404, new Browser().getBytes("/t/" + t.tenant().slug() + "/logo").statusCode());
        assertFalse(new Browser().get("/t/" + t.tenant().slug() + "/ofertas").body().contains("shop-logo"));
    }

    @Test
    void anythingButPngJpegOrWebpByItsBytesIsRefusedNamingTheField() {
        var t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertRefused(admin.postFile("/ajustes/logo", "logo", "logo.png", "image/png", svg), "no es una imagen PNG, JPEG ni WebP");
        byte[] fakePng = Arrays.copyOf(Images.PNG, Images.PNG.length);
        fakePng[1] = 'Q';
        assertRefused(admin.postFile("/ajustes/logo", "logo", "logo.png", "image/png", fakePng), "no es una imagen PNG, JPEG ni WebP");
        byte[] big = Arrays.copyOf(Images.PNG, 200 * 1024 + 1);
        assertRefused(admin.postFile("/ajustes/logo", "logo", "big.png", "image/png", big), "pesa más de 200 KB");
        assertRefused(admin.postFile("/ajustes/logo", "logo", "", "application/octet-stream", new byte[0]), "Elija un archivo");
        HttpResponse<String> huge = admin.postFile("/ajustes/logo", "logo", "huge.png", "image/png", Arrays.copyOf(Images.PNG, 3 * 1024 * 1024));
        // The request limit is the imports' (20 MB by default): a 3 MB logo is read, then refused naming the field, never a 500.
        assertTrue(huge.statusCode() == 413 || huge.statusCode() == 422 && huge.body().contains("pesa más de 200 KB"),
                huge.statusCode() + " " + huge.body());
        assertEquals(404, new Browser().getBytes("/t/" + t.tenant().slug() + "/logo").statusCode(), "nothing stored");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(303, admin.postFile("/ajustes/logo", "logo", "l.webp", "image/webp", webp).statusCode());
        assertEquals("image/webp", new Browser().getBytes("/t/" + t.tenant().slug() + "/logo").headers().firstValue("Content-Type").orElse(null));
    }

    private static void assertRefused(HttpResponse<String> r, String message) {
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("href=\"#logo\""), r.body());
        assertTrue(r.body().contains(message), message + " in " + r.body());
    }

    static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        assertTrue(i >= 0, from + " in " + s);
        int start = i + from.length();
        return s.substring(start, s.indexOf(to, start));
    }
}
