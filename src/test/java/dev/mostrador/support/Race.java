package dev.mostrador.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on threads of their own, all released at once by a {@link CyclicBarrier}. */
public final class Race {
    private Race() {}

    /** The {@code i}-th of a race's callers. */
    public interface Attempt<T> {
        T run(int i) throws Exception;
    }

    /** Each task waits at the barrier, then runs; the results in task order (a failure fails the race). */
    public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(90, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} callers released together; the results in caller order (a failure fails the race). */
    public static <T> List<T> run(int n, Attempt<T> attempt) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> attempt.run(index));
        }
        return run(tasks);
    }

    /** {@code n} callers released together; each outcome is its result or the exception it threw. */
    public static List<Object> outcomes(int n, Attempt<?> attempt) throws Exception {
        return run(n, i -> {
            try {
                return attempt.run(i);
            } catch (Exception e) {
                return e;
            }
        });
    }
}
