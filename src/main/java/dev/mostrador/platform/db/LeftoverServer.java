package dev.mostrador.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server still running on our data folder after the Mostrador process that started
 * it died without stopping it (kill -9, an OOM kill, a crashed JVM). pg_ctl detaches the server,
 * so it outlives its parent and holds postmaster.pid: the next start would fail. It is only called
 * while this process holds the folder's lock, so no living Mostrador owns that server.
 */
final class LeftoverServer {
    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final long FAST_SHUTDOWN_SECONDS = 60;

    private LeftoverServer() {}

    /** Whether a PostgreSQL server runs on this folder now. */
    static boolean running(Path pgDir) {
        return readPid(pgDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive).filter(LeftoverServer::isPostgres).isPresent();
    }

    /** Stops a leftover server of this folder, or sets aside a stale postmaster.pid; says what it did. */
    static void clear(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) return;
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get())) {
            stop(process.get(), pgDir);
        } else if (process.isPresent()) {
            // The PID now belongs to another program, which PostgreSQL would take for a running server.
            log.warn("postmaster.pid in {} names PID {}, which is now another program ({}): setting the stale file aside",
                    pgDir, pid.get(), process.get().info().command().orElse("unknown"));
            moveAside(pidFile);
        } else {
            // Killed together with its server: PostgreSQL recovers from its WAL at the next start.
            log.info("PostgreSQL of {} was not shut down cleanly (PID {} is gone): it recovers from its WAL now", pgDir, pid.get());
        }
    }

    private static void stop(ProcessHandle server, Path pgDir) {
        log.warn("A PostgreSQL server (PID {}) left running by a Mostrador process that ended without stopping it "
                + "still serves {}: stopping it (fast shutdown) before starting again", server.pid(), pgDir);
        signalInterrupt(server);
        if (!waitForExit(server, FAST_SHUTDOWN_SECONDS)) {
            log.warn("PostgreSQL (PID {}) did not stop within {} s: killing it (its WAL makes that safe)", server.pid(), FAST_SHUTDOWN_SECONDS);
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            if (!waitForExit(server, 10)) {
                throw new IllegalStateException("the PostgreSQL server left running on " + pgDir + " (PID " + server.pid()
                        + ") could not be stopped; stop it by hand (kill " + server.pid() + ")");
            }
        }
        log.info("the leftover PostgreSQL server (PID {}) has stopped", server.pid());
    }

    /** SIGINT is PostgreSQL's fast shutdown; ProcessHandle can only send SIGTERM (a smart shutdown that waits for clients). */
    private static void signalInterrupt(ProcessHandle server) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-INT", String.valueOf(server.pid()))).redirectErrorStream(true).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) return;
        } catch (IOException e) {
            log.debug("no kill command: falling back to SIGTERM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.destroy();
    }

    private static boolean waitForExit(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    static boolean isPostgres(ProcessHandle process) {
        String command = process.info().command().orElse("");
        if (command.endsWith("/postgres") || command.equals("postgres")) return true;
        // Some systems hide another user's command line; /proc still names the program.
        try {
            Path exe = Path.of("/proc", String.valueOf(process.pid()), "comm");
            return Files.exists(exe) && Files.readString(exe).trim().equals("postgres");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("cannot read {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
    }

    private static void moveAside(Path pidFile) {
        try {
            Files.move(pidFile, pidFile.resolveSibling("postmaster.pid.stale"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot set aside the stale " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
