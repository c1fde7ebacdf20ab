package dev.mostrador.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An archive opened for a restore: its manifest, and every entry proven against the SHA-256 the manifest gives it. */
public final class BackupArchive implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final BackupManifest manifest;
    private boolean verified;

    private BackupArchive(Path file, ZipFile zip, BackupManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    public static BackupArchive open(Path file) {
        if (!Files.isRegularFile(file)) throw new BackupException("no backup archive at " + file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new BackupException(file + " is not a readable backup archive (damaged or not a zip): " + e.getMessage(), e);
        }
        try {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) throw new BackupException(file + " is not a Mostrador backup: it has no " + BackupManifest.ENTRY);
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = BackupManifest.fromJson(in);
            }
            if (manifest.format() != BackupManifest.FORMAT || manifest.schemaVersion() == null || manifest.tables() == null) {
                throw new BackupException(file + " has a manifest this version cannot read (format " + manifest.format() + ")");
            }
            return new BackupArchive(file, zip, manifest);
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof BackupException b) throw b;
            throw new BackupException(file + " is damaged: its manifest cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public BackupManifest manifest() {
        return manifest;
    }

    public Path file() {
        return file;
    }

    /** Reads every table's entry through and compares its SHA-256 with the manifest's; throws on the first that differs. Once. */
    public void verify() {
        if (verified) return;
        for (BackupManifest.TableEntry table : manifest.tables()) {
            MessageDigest sha256 = EntryHash.newSha256();
            try (InputStream in = entry(table)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) sha256.update(buffer, 0, n);
            } catch (IOException e) {
                throw damaged(table, "it cannot be read (" + e.getMessage() + ")");
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(table.sha256())) {
                throw damaged(table, "its SHA-256 is " + actual + ", the manifest says " + table.sha256());
            }
        }
        verified = true;
    }

    /** The raw COPY text of a table. */
    public InputStream entry(BackupManifest.TableEntry table) throws IOException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) throw damaged(table, "the archive has no such entry");
        return zip.getInputStream(entry);
    }

    BackupException damaged(BackupManifest.TableEntry table, String why) {
        return new BackupException("the archive " + file + " is damaged or was altered: entry " + table.entry() + " of "
                + table.label() + ": " + why + ". Nothing was restored.");
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read only: nothing to lose
        }
    }
}
