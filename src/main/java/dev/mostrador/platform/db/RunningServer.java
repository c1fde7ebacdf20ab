package dev.mostrador.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL that a running Mostrador serves from a data folder, as PostgreSQL's own
 * {@code postmaster.pid} describes it (line 1 the PID, line 4 the port, line 8 the status): a command
 * run beside the app connects to it, as Django's manage.py works beside runserver, instead of
 * starting a second server on the same files.
 */
public record RunningServer(long postmasterPid, int port, long ownerPid) {

    /** The server of this data folder when it is up and accepts connections ("ready"). */
    public static Optional<RunningServer> of(Path dataDir) {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 8 || !lines.get(7).trim().equals("ready")) return Optional.empty();
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverServer::isPostgres).isPresent();
            return alive ? Optional.of(new RunningServer(pid, port, EmbeddedDatabase.ownerPid(dataDir).orElse(pid))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // being written or removed right now: not a server to use
        }
    }

    /** Waits (the app may be starting its server) up to {@code millis} for the folder's server to be ready. */
    public static Optional<RunningServer> await(Path dataDir, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            Optional<RunningServer> server = of(dataDir);
            if (server.isPresent() || System.currentTimeMillis() >= deadline) return server;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** As the embedded library connects: the superuser it created, trusted on localhost. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }
}
