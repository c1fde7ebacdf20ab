package dev.mostrador.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL 17 whose data lives in a folder that survives restarts and crashes. A lock
 * file keeps a second process from starting another server on the same folder.
 *
 * <p>The embedded library starts its servers for throw-away test databases: {@code -F} (fsync off)
 * and {@code synchronous_commit=off}, which lost acknowledged writes when the server was killed.
 * A user's data gets PostgreSQL's own durable defaults back, set after {@code -F} so they win.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path pgDir;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, Path pgDir, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pgDir = pgDir;
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("mostrador.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirInUseException(dataDir);
            }
            try {
                writeOwner(channel);
                Path pgDir = dataDir.resolve("pg");
                LeftoverServer.clear(pgDir);
                return new EmbeddedDatabase(channel, lock, pgDir, builder(pgDir).start());
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw new StartFailedException(dataDir, e);
            }
        } catch (IOException e) {
            throw new StartFailedException(dataDir, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path pgDir) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost");
        DURABILITY.forEach(builder::setServerConfig);
        return builder;
    }

    /**
     * Starts the server again, on the same port, when it died under the running app (killed, out
     * of memory): nobody else will, since the app is its only owner. True when it did.
     */
    public synchronized boolean restartIfGone() {
        if (LeftoverServer.running(pgDir)) return false;
        int port = postgres.getPort();
        log.warn("the embedded PostgreSQL of {} (port {}) is gone: starting it again", pgDir, port);
        try {
            postgres.close(); // releases the library's own lock on the folder; stopping a dead server just fails
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead server: {}", e.getMessage());
        }
        try {
            LeftoverServer.clear(pgDir);
            postgres = builder(pgDir).setPort(port).start();
            log.info("the embedded PostgreSQL is running again");
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("could not start the embedded PostgreSQL again: {}", String.valueOf(e), e);
            return false;
        }
    }

    /** PostgreSQL's own defaults, which the embedded library turns off. */
    public static final Map<String, String> DURABILITY = Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    /** The lock file names its holder, so that a command run beside it can say whose database it uses. */
    private static void writeOwner(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    /** The PID of the live process that holds the folder's lock, as it wrote it there. */
    static Optional<Long> ownerPid(Path dataDir) {
        try {
            String text = Files.readString(dataDir.resolve("mostrador.lock"), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same JVM
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server did not start: the message says why, down to the first cause. */
    public static final class StartFailedException extends RuntimeException {
        StartFailedException(Path dataDir, Throwable e) {
            super("Could not start embedded PostgreSQL in " + dataDir.toAbsolutePath() + ": " + causes(e)
                    + " (PostgreSQL's own messages are in the log lines above)", e);
        }

        private static String causes(Throwable e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
                if (!text.isEmpty()) text.append(" <- ");
                text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            }
            return text.toString();
        }
    }

    /** Another Mostrador process already serves this data folder. */
    public static final class DataDirInUseException extends RuntimeException {
        public DataDirInUseException(Path dataDir) {
            super("The data folder " + dataDir.toAbsolutePath() + " is already in use by another Mostrador process. "
                    + "Stop that process, or point MOSTRADOR_DATA_DIR at another folder.");
        }
    }
}
