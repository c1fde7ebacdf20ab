package dev.mostrador.platform.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Windows in this process's memory: exact for one instance (the embedded database allows no other). */
public final class MemoryRateLimitStore implements RateLimitStore {
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, AtomicInteger count) {}

    @Override
    public int[] hit(List<Key> keys) {
        long minute = System.currentTimeMillis() / 60_000;
        int[] counts = new int[keys.size()];
        for (int i = 0; i < counts.length; i++) {
            Window window = windows.compute(keys.get(i), (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
            counts[i] = window.count().incrementAndGet();
        }
        if (windows.size() > 100_000) windows.values().removeIf(w -> w.minute() < minute);
        return counts;
    }

    @Override
    public int[] current(List<Key> keys) {
        long minute = System.currentTimeMillis() / 60_000;
        int[] counts = new int[keys.size()];
        for (int i = 0; i < counts.length; i++) {
            Window w = windows.get(keys.get(i));
            counts[i] = w != null && w.minute() == minute ? w.count().get() : 0;
        }
        return counts;
    }

    @Override
    public int purge() {
        long minute = System.currentTimeMillis() / 60_000;
        int before = windows.size();
        windows.values().removeIf(w -> w.minute() < minute);
        return before - windows.size();
    }
}
