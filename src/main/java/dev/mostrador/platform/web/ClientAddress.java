package dev.mostrador.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address behind proxies. A proxy appends the address it saw to X-Forwarded-For, so
 * everything left of the entries our own proxies wrote is whatever the client chose to send: the
 * client is the rightmost entry that is not one of our trusted proxies (MOSTRADOR_TRUSTED_PROXIES).
 */
public final class ClientAddress {
    // Digits, hex, dots and colons only: InetAddress never looks such a text up in DNS.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    private final boolean trustProxy;
    private final List<Cidr> trustedProxies;

    public ClientAddress(boolean trustProxy, List<String> trustedProxies) {
        this.trustProxy = trustProxy;
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /** The client's IP: the peer's, or with a proxy in front, the rightmost untrusted X-Forwarded-For entry. */
    public String of(String peer, String forwardedFor) {
        if (!trustProxy || forwardedFor == null || forwardedFor.isBlank() || forwardedFor.length() > 2000) return peer;
        String[] hops = forwardedFor.split(",");
        String leftmost = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops[i].trim());
            if (hop.isEmpty()) return peer; // not an address: nothing left of it can be believed
            leftmost = hop.get().getHostAddress();
            if (!trusted(hop.get())) return leftmost;
        }
        return leftmost == null ? peer : leftmost;
    }

    private boolean trusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) if (cidr.contains(address)) return true;
        return false;
    }

    static Optional<InetAddress> parse(String text) {
        if (!IP_LITERAL.matcher(text).matches()) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range such as 10.0.0.0/8 or 2001:db8::/32 (a bare address is a range of one). */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            InetAddress address = ClientAddress.parse(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException("MOSTRADOR_TRUSTED_PROXIES: '" + text + "' is not an address or CIDR range"));
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = parts.length == 1 ? max : Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("MOSTRADOR_TRUSTED_PROXIES: '" + text + "' has a prefix length outside 0.." + max);
            }
            return new Cidr(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) return false;
            }
            return true;
        }
    }
}
