package dev.mostrador.platform.backup;

/**
 * A backup or restore that cannot go on, with a message for the operator (a damaged archive, a
 * target that is not empty, an archive from other migrations): the commands print it in one line.
 */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
