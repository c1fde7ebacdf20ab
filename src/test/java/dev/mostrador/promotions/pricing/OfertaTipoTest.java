package dev.mostrador.promotions.pricing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OfertaTipoTest {

    @Test
    void codesAreTheSeedColumnValues() {
        assertEquals("porcentaje", OfertaTipo.PORCENTAJE.code());
        assertEquals("precio_cantidad", OfertaTipo.PRECIO_CANTIDAD.code());
        assertEquals("nxm", OfertaTipo.NXM.code());
        assertEquals("regalo", OfertaTipo.REGALO.code());
    }

    @Test
    void fromCodeRoundTripsEveryType() {
        for (OfertaTipo tipo : OfertaTipo.values()) {
            assertEquals(Optional.of(tipo), OfertaTipo.fromCode(tipo.code()));
        }
    }

    @Test
    void fromCodeIsEmptyForUnknownCaseVariantOrNull() {
        assertEquals(Optional.empty(), OfertaTipo.fromCode("descuento"));
        assertEquals(Optional.empty(), OfertaTipo.fromCode("NXM"));
        assertEquals(Optional.empty(), OfertaTipo.fromCode(""));
        assertEquals(Optional.empty(), OfertaTipo.fromCode(null));
    }
}
