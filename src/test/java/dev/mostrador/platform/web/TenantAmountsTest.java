package dev.mostrador.platform.web;

import dev.mostrador.platform.tenants.Tenant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts in form fields: written and read back in the tenant's locale and currency without changing. */
class TenantAmountsTest {
    private static final Format CL = format("CLP", "es-CL");
    private static final Format UY = format("UYU", "es-UY");
    private static final Format US = format("CLP", "en-US");

    @Test
    void formFieldsShowWhatIsStoredAndReadItBack() {
        for (Format f : new Format[] {CL, UY, US}) {
            for (String stored : new String[] {"12990.00", "1990.50", "0.00", "1234567.00", "0.05"}) {
                BigDecimal amount = new BigDecimal(stored);
                assertEquals(0, amount.compareTo(f.parseAmount(f.amount(amount))), f.amount(amount));
            }
        }
        assertEquals("12.990", CL.amount(new BigDecimal("12990.00")));
        assertEquals("1.990,5", CL.amount(new BigDecimal("1990.50")), "a stored decimal is never hidden");
        assertEquals("1.990,50", UY.amount(new BigDecimal("1990.50")));
        assertEquals("12,990", US.amount(new BigDecimal("12990")));
    }

    @Test
    void moneyRoundsHalfUpToTheMinorUnitAsTheEngineDoes() {
        assertEquals("$ 1.991", CL.money(new BigDecimal("1990.50")), "half up, not half even");
        assertEquals("$ 5.972", CL.money(new BigDecimal("5971.50")));
        assertEquals("$ 1.990,51", UY.money(new BigDecimal("1990.505")));
    }

    @Test
    void tooPreciseIsAboutTheCurrency() {
        assertTrue(CL.tooPrecise(new BigDecimal("1990.5")));
        assertFalse(CL.tooPrecise(new BigDecimal("1990.00")));
        assertFalse(UY.tooPrecise(new BigDecimal("1990.50")));
        assertTrue(UY.tooPrecise(new BigDecimal("1990.505")));
    }

    @Test
    void theApiReadsPlainDecimalsOnly() {
        Tenant uy = new Tenant(UUID.randomUUID(), "uy", "UY", ZoneId.of("America/Montevideo"), "UYU", "es-UY");
        assertEquals(new BigDecimal("90.505"), Format.forApi(uy).parseAmount("90.505"));
        assertEquals(new BigDecimal("90505"), new Format(uy).parseAmount("90.505"), "a person in es-UY groups thousands with dots");
        assertNull(Format.forApi(uy).parseAmount("1.990,50"));
    }

    private static Format format(String currency, String locale) {
        return new Format(new Tenant(UUID.randomUUID(), "t", "T", ZoneId.of("UTC"), currency, locale));
    }
}
