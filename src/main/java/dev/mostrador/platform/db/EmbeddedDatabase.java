package dev.mostrador.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real PostgreSQL 17 whose data lives in a folder that survives restarts. A lock file keeps a
 * second process from starting another server on the same folder.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
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
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "localhost")
                        .start();
                return new EmbeddedDatabase(channel, lock, pg);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
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

    /** Another Mostrador process already serves this data folder. */
    public static final class DataDirInUseException extends RuntimeException {
        public DataDirInUseException(Path dataDir) {
            super("The data folder " + dataDir.toAbsolutePath() + " is already in use by another Mostrador process. "
                    + "Stop that process, or point MOSTRADOR_DATA_DIR at another folder.");
        }
    }
}
