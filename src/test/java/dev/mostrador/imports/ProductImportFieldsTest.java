package dev.mostrador.imports;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.Format;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One product row's cells read as a shop in Uruguay (or Chile) writes them. */
class ProductImportFieldsTest {
    private static final Format UY = new Format(new Tenant(UUID.randomUUID(), "uy", "UY", ZoneId.of("America/Montevideo"), "UYU", "es-UY"));
    private static final Format CL = new Format(new Tenant(UUID.randomUUID(), "cl", "CL", ZoneId.of("America/Santiago"), "CLP", "es-CL"));

    private static String value(Format f, String field, String raw) {
        ImportRows.Checked c = ProductImportFields.check(Map.of(field, raw), f);
        return c.ok() ? c.values().get(field) : "error " + c.reason();
    }

    @Test
    void pricesAndUnitsAsTheShopWritesThem() {
        assertEquals("1234.5", value(UY, "price", "1.234,50"));
        assertEquals("1234.5", value(UY, "price", "1234.50"));
        assertEquals("1234.5", value(UY, "price", "$ 1.234,50"));
        assertEquals("12990", value(CL, "price", "12.990"));
        assertEquals("error import.err.price_decimals|CLP", value(CL, "price", "1234,50"));
        assertEquals("error import.err.price", value(UY, "price", "12abc"));
        assertEquals("error import.err.price_negative", value(UY, "price", "-1"));
        assertEquals("error import.err.price_too_large", value(UY, "price", "1e13"));
        assertEquals("1000", value(UY, "stock", "1.000"));
        assertEquals("12", value(UY, "stock", "12"));
        assertEquals("0", value(UY, "stock", "0"));
        assertEquals("error import.err.stock", value(UY, "stock", "1,5"));
        assertEquals("error import.err.stock", value(UY, "stock", "doce"));
        assertEquals("error import.err.stock", value(UY, "stock", "2000000"));
        assertEquals("error import.err.stock_negative", value(UY, "stock", "-3"));
        assertEquals("error import.err.min_stock_negative", value(UY, "min_stock", "-1"));
    }

    @Test
    void skusActiveAndLengths() {
        assertEquals("AB-12", value(UY, "sku", " AB-12 "));
        assertEquals("error import.err.sku", value(UY, "sku", "AB 12"));
        assertEquals("error import.err.sku", value(UY, "sku", "AB\u00a012"), "a no-break space is a space to the catalog's CHECK too");
        assertEquals("error import.err.sku", value(UY, "sku", "x".repeat(65)));
        assertEquals("false", value(UY, "active", "Inactivo"));
        assertEquals("true", value(UY, "active", "Sí"));
        assertEquals("true", value(UY, "active", "TRUE"));
        assertEquals("error import.err.boolean", value(UY, "active", "quizás"));
        assertEquals("error import.err.too_long", value(UY, "name", "n".repeat(201)));
        assertEquals(Map.of(), ProductImportFields.check(Map.of("price", "  ", "name", ""), UY).values(), "an empty cell changes nothing");
    }
}
