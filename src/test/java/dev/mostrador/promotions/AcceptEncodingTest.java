package dev.mostrador.promotions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When /api/ofertas/activas may answer its pre-compressed body. */
class AcceptEncodingTest {

    @Test
    void gzipWhenListedOrCoveredByAStar() {
        assertTrue(OfertaApi.acceptsGzip("gzip, deflate, br"));
        assertTrue(OfertaApi.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(OfertaApi.acceptsGzip("*"));
        assertTrue(OfertaApi.acceptsGzip("gzip;q=0.001"));
    }

    @Test
    void notWhenAbsentOrRefused() {
        assertFalse(OfertaApi.acceptsGzip(null));
        assertFalse(OfertaApi.acceptsGzip(""));
        assertFalse(OfertaApi.acceptsGzip("identity"));
        assertFalse(OfertaApi.acceptsGzip("br, deflate"));
        assertFalse(OfertaApi.acceptsGzip("gzip;q=0"));
        assertFalse(OfertaApi.acceptsGzip("gzip; q=0.000, *"));
        assertFalse(OfertaApi.acceptsGzip("*;q=0"));
        assertFalse(OfertaApi.acceptsGzip("x-gzip"));
    }
}
