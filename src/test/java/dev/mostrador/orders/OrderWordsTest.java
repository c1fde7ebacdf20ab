package dev.mostrador.orders;

import dev.mostrador.platform.web.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pure pieces: the earning rule rounds down, and an order's number is written without thousands separators. */
class OrderWordsTest {

    @Test
    void theEarningRuleRoundsDownAndIsOffWithoutARule() {
        assertEquals(12, OrderLumis.earned(new BigDecimal("1250"), new BigDecimal("100")));
        assertEquals(0, OrderLumis.earned(new BigDecimal("99.99"), new BigDecimal("100")));
        assertEquals(3, OrderLumis.earned(new BigDecimal("10.50"), new BigDecimal("3.50")));
        assertEquals(0, OrderLumis.earned(new BigDecimal("5000"), null));
    }

    @Test
    void anOrdersNumberIsItsIdAsIs() {
        assertEquals("Pedido #123456", Messages.of("es-CL").t("ped.title", 123456L));
        assertEquals("Order #123456", Messages.of("en-US").t("ped.title", 123456L));
    }
}
