package dev.mostrador.platform.jobs;

import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each run of a job leaves its time, duration, rows, instance and error in job_runs, read by lastRuns(). */
class JobsTest {

    @Test
    void lastRunsTellWhatEachJobDid() throws Exception {
        String suffix = "-" + System.nanoTime();
        try (Jobs jobs = new Jobs(TestDatabase.get().dataSource(), Duration.ofSeconds(1))) {
            jobs.everyCountingRows("counted" + suffix, Duration.ofHours(1), () -> 7);
            jobs.every("uncounted" + suffix, Duration.ofHours(1), () -> {});
            jobs.every("failing" + suffix, Duration.ofHours(1), () -> {
                throw new IllegalStateException("boom");
            });
            jobs.start();
            Map<String, JobRun> runs = Map.of();
            long deadline = System.currentTimeMillis() + 20_000;
            while (runs.size() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                runs = jobs.lastRuns().stream().filter(r -> r.name().endsWith(suffix))
                        .collect(Collectors.toMap(JobRun::name, Function.identity()));
            }
            assertEquals(3, runs.size(), "every job ran: " + runs);
            JobRun counted = runs.get("counted" + suffix);
            assertEquals(7L, counted.lastRows());
            assertEquals(jobs.instance(), counted.lastInstance());
            assertNull(counted.lastError());
            assertTrue(counted.lastDurationMs() >= 0 && counted.runs() >= 1);
            assertNull(runs.get("uncounted" + suffix).lastRows(), "rows not counted");
            assertTrue(runs.get("failing" + suffix).lastError().contains("boom"), runs.get("failing" + suffix).toString());
        }
    }
}
