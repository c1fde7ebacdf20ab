package dev.mostrador.platform.jobs;

import java.time.Instant;

/** A periodic job's last run: when it started, how long it took, the rows it changed (null: not counted), where, and its error. */
public record JobRun(String name, Instant lastRunAt, long lastDurationMs, Long lastRows, String lastInstance, String lastError,
                     long runs) {}
