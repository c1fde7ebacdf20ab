package dev.mostrador.platform.web;

import dev.mostrador.support.Race;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate limits' PostgreSQL store: exact under concurrent hits, several keys in one look, one statement a hit. */
class SharedRateLimitsTest {
    private final RateLimits limits = new RateLimits(new PostgresRateLimitStore(TestDatabase.get().dataSource()));
    private final String name = "test-" + System.nanoTime();

    @Test
    void concurrentHitsAreCountedExactly() throws Exception {
        awayFromTheMinuteBoundary();
        RateLimiter limiter = limits.limiter(name, 5);
        List<Callable<Integer>> hits = new ArrayList<>();
        for (int i = 0; i < 12; i++) hits.add(() -> limiter.count("ip:1"));
        List<Integer> counts = Race.run(hits);
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), counts.stream().sorted().toList(), "each hit its own count");
        assertTrue(limiter.exceeded("ip:1"));
        assertFalse(limiter.exceeded("ip:2"), "another key has its own window");
    }

    @Test
    void severalLimitersKeysAreLookedAtAndCountedTogether() throws Exception {
        awayFromTheMinuteBoundary();
        RateLimiter perIp = limits.limiter(name + "-ip", 2);
        RateLimiter perMerchant = limits.limiter(name + "-m", 3);
        RateLimiter.Probe ip = new RateLimiter.Probe(perIp, "ip:9");
        RateLimiter.Probe merchant = new RateLimiter.Probe(perMerchant, "m:9");
        assertFalse(RateLimiter.anyExceeded(ip, merchant));
        RateLimiter.countAll(ip, merchant);
        assertFalse(RateLimiter.anyExceeded(ip, merchant));
        RateLimiter.countAll(merchant, ip);
        assertTrue(RateLimiter.anyExceeded(ip, merchant), "the IP's 2 per minute are used up");
        assertTrue(RateLimiter.anyExceeded(new RateLimiter.Probe(perIp, "ip:9")));
        assertFalse(RateLimiter.anyExceeded(merchant), "the merchant has 1 left");
        assertArrayEquals(new int[] {3, 3}, new PostgresRateLimitStore(TestDatabase.get().dataSource())
                .hit(List.of(new RateLimitStore.Key(name + "-m", "m:9"), new RateLimitStore.Key(name + "-ip", "ip:9"))));
    }

    @Test
    void pastMinutesAreForgottenAndAHitCostsOneStatement() {
        RateLimiter limiter = limits.limiter(name + "-old", 5);
        limiter.count("ip:old");
        TestDatabase.get().dsl().execute("UPDATE rate_limit_windows SET minute = minute - 2 WHERE limiter = ?", name + "-old");
        assertFalse(limiter.exceeded("ip:old"));
        assertEquals(1, limiter.count("ip:old"), "a new minute starts from one");
        TestDatabase.get().dsl().execute("UPDATE rate_limit_windows SET minute = minute - 2 WHERE limiter = ?", name + "-old");
        assertTrue(limits.purge() >= 1);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM rate_limit_windows WHERE limiter = ?", name + "-old"));

        // Not a benchmark: a rough cost of a hit on this machine, for the record.
        RateLimiter timed = limits.limiter(name + "-timed", 1_000_000);
        for (int i = 0; i < 200; i++) timed.count("warm");
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) timed.count("ip:" + (i % 50));
        System.out.printf("[rate limits] postgres store: %.3f ms a hit (1000 hits)%n", (System.nanoTime() - t0) / 1e6 / 1000);
    }

    private static void awayFromTheMinuteBoundary() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 55_000) Thread.sleep(60_000 - intoMinute + 100);
    }
}
