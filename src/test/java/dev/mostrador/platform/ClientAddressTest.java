package dev.mostrador.platform;

import dev.mostrador.platform.web.ClientAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** X-Forwarded-For: the client is the rightmost hop that is not one of our proxies. */
class ClientAddressTest {
    private static final String PROXY = "10.0.0.5";

    @Test
    void aSpoofedLeftmostEntryIsIgnored() {
        ClientAddress behindOneProxy = new ClientAddress(true, List.of());
        // The client sent "X-Forwarded-For: 6.6.6.6"; our proxy appended the address it saw.
        assertEquals("203.0.113.7", behindOneProxy.of(PROXY, "6.6.6.6, 203.0.113.7"));
        assertEquals("203.0.113.7", behindOneProxy.of(PROXY, "203.0.113.7"));
    }

    @Test
    void trustedProxiesAreSkippedFromTheRight() {
        ClientAddress twoProxies = new ClientAddress(true, List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1"));
        assertEquals("203.0.113.7", twoProxies.of(PROXY, "6.6.6.6, 203.0.113.7, 192.0.2.1, 10.1.2.3"));
        assertEquals("2001:db9:0:0:0:0:0:1", twoProxies.of(PROXY, "2001:db9::1, 2001:db8::5"));
        assertEquals("10.9.9.9", twoProxies.of(PROXY, "10.9.9.9, 10.1.2.3"), "all trusted: the farthest one");
        assertEquals("198.51.100.1", twoProxies.of(PROXY, "198.51.100.1, 192.0.2.1"));
        assertEquals("192.0.2.2", twoProxies.of(PROXY, "198.51.100.1, 192.0.2.2"), "a /32 holds one address");
    }

    @Test
    void garbageOrNoHeaderMeansThePeer() {
        ClientAddress proxy = new ClientAddress(true, List.of());
        assertEquals(PROXY, proxy.of(PROXY, null));
        assertEquals(PROXY, proxy.of(PROXY, "  "));
        assertEquals(PROXY, proxy.of(PROXY, "1.2.3.4, evil.example"), "a host name is never looked up");
        assertEquals(PROXY, proxy.of(PROXY, "1.2.3.4, 1.2.3.4x"));
        assertEquals(PROXY, new ClientAddress(false, List.of()).of(PROXY, "203.0.113.7"), "no proxy trusted: the header is the client's");
    }

    @Test
    void aBadRangeIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(true, List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(true, List.of("proxy.internal")));
    }
}
