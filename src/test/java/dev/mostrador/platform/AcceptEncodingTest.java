package dev.mostrador.platform;

import dev.mostrador.platform.web.Bodies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a body may be sent gzipped (the cached /api/ofertas/activas, or through Javalin). */
class AcceptEncodingTest {

    @Test
    void gzipWhenListedOrCoveredByAStar() {
        assertTrue(Bodies.acceptsGzip("gzip, deflate, br"));
        assertTrue(Bodies.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(Bodies.acceptsGzip("*"));
        assertTrue(Bodies.acceptsGzip("gzip;q=0.001"));
    }

    @Test
    void notWhenAbsentOrRefused() {
        assertFalse(Bodies.acceptsGzip(null));
        assertFalse(Bodies.acceptsGzip(""));
        assertFalse(Bodies.acceptsGzip("identity"));
        assertFalse(Bodies.acceptsGzip("br, deflate"));
        assertFalse(Bodies.acceptsGzip("gzip;q=0"));
        assertFalse(Bodies.acceptsGzip("gzip; q=0.000, *"));
        assertFalse(Bodies.acceptsGzip("*;q=0"));
        assertFalse(Bodies.acceptsGzip("x-gzip"));
    }
}
