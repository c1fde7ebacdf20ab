package dev.mostrador.rewards.merchants;

import dev.mostrador.platform.web.RateLimiter;
import dev.mostrador.platform.web.RateLimits;

/**
 * Wrong merchant keys, counted per address and per key prefix (a prefix is public: it names one
 * merchant). Past either limit in a minute, further keys are refused before a bcrypt is spent, so
 * guessing the secret behind a real prefix costs the guesser, not the server. The prefix's limit is
 * higher, so that one bad device does not lock its shop's other points of sale out; a point of
 * sale whose key was verified a moment ago is not refused at all: it is remembered.
 */
public final class FailedKeys {
    public static final int PER_IP_PER_MINUTE = 10;
    public static final int PER_PREFIX_PER_MINUTE = 30;
    private final RateLimiter perIp;
    private final RateLimiter perPrefix;

    public FailedKeys(RateLimits limits) {
        this.perIp = limits.limiter("failed-keys-ip", PER_IP_PER_MINUTE);
        this.perPrefix = limits.limiter("failed-keys-prefix", PER_PREFIX_PER_MINUTE);
    }

    boolean blocked(String ip, String prefix) {
        return RateLimiter.anyExceeded(probes(ip, prefix));
    }

    void count(String ip, String prefix) {
        RateLimiter.countAll(probes(ip, prefix));
    }

    private RateLimiter.Probe[] probes(String ip, String prefix) {
        RateLimiter.Probe byIp = new RateLimiter.Probe(perIp, "ip:" + ip);
        return prefix == null ? new RateLimiter.Probe[] {byIp} : new RateLimiter.Probe[] {byIp, new RateLimiter.Probe(perPrefix, "prefix:" + prefix)};
    }
}
