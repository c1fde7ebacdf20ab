package dev.mostrador.customers;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tax ids per country: valid and invalid check digits, the stored form and how each country writes it. */
class TaxIdsTest {

    @Test
    void chileanRutTakesModElevenAndK() {
        assertEquals(Optional.of("123456785"), TaxIds.normalize("CL", "12.345.678-5"));
        assertEquals(Optional.of("7775735K"), TaxIds.normalize("CL", "7.775.735-k"));
        assertEquals(Optional.of("10000013K"), TaxIds.normalize("CL", "10000013K"));
        assertEquals(Optional.empty(), TaxIds.normalize("CL", "12.345.678-4"));
        assertEquals(Optional.empty(), TaxIds.normalize("CL", "7.775.735-0"));
        assertEquals(Optional.empty(), TaxIds.normalize("CL", "abc"));
        assertEquals("12.345.678-5", TaxIds.format("CL", "123456785"));
        assertEquals("7.775.735-K", TaxIds.format("CL", "7775735K"));
        assertEquals("12.345.678-5", TaxIds.format("CL", "12.345.678-5"), "an id stored formatted stays as it is");
    }

    @Test
    void argentineCuit() {
        assertEquals(Optional.of("20123456786"), TaxIds.normalize("AR", "20-12345678-6"));
        assertEquals(Optional.of("30500010912"), TaxIds.normalize("AR", "30500010912"));
        assertEquals(Optional.empty(), TaxIds.normalize("AR", "20-12345678-5"));
        assertEquals(Optional.empty(), TaxIds.normalize("AR", "2012345678"));
        assertEquals("20-12345678-6", TaxIds.format("AR", "20123456786"));
    }

    @Test
    void uruguayanRut() {
        assertEquals(Optional.of("211234560019"), TaxIds.normalize("UY", "21 123456 001 9"));
        assertEquals(Optional.of("212345670015"), TaxIds.normalize("UY", "212345670015"));
        assertEquals(Optional.empty(), TaxIds.normalize("UY", "211234560018"));
        assertEquals(Optional.empty(), TaxIds.normalize("UY", "21123456001"));
    }

    @Test
    void peruvianRuc() {
        assertEquals(Optional.of("20100123453"), TaxIds.normalize("PE", "20100123453"));
        assertEquals(Optional.of("20600634519"), TaxIds.normalize("PE", "20600634519"));
        assertEquals(Optional.empty(), TaxIds.normalize("PE", "20100123454"));
        assertEquals(Optional.empty(), TaxIds.normalize("PE", "2010012345"));
    }

    @Test
    void colombianNitWithDianWeights() {
        assertEquals(Optional.of("8001972684"), TaxIds.normalize("CO", "800.197.268-4"));
        assertEquals(Optional.of("9001234568"), TaxIds.normalize("CO", "900123456-8"));
        assertEquals(Optional.empty(), TaxIds.normalize("CO", "800.197.268-5"));
        assertEquals("800.197.268-4", TaxIds.format("CO", "8001972684"));
    }

    @Test
    void otherCountriesTakeThreeToThirtyLettersOrDigits() {
        assertEquals(Optional.of("ABC123"), TaxIds.normalize("MX", "abc-123"));
        assertEquals(Optional.of("X1Y"), TaxIds.normalize("", "x1y"));
        assertEquals(Optional.empty(), TaxIds.normalize("MX", "ab"));
        assertEquals(Optional.empty(), TaxIds.normalize("US", "ñandú"));
        assertEquals(Optional.empty(), TaxIds.normalize("US", "A".repeat(31)));
        assertEquals("CL", TaxIds.country("es-CL"));
    }
}
