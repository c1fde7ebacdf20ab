package dev.mostrador.ops;

import dev.mostrador.platform.backup.BackupException;
import dev.mostrador.platform.backup.BackupSettings;
import dev.mostrador.platform.backup.BackupWriter;
import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mostrador backup}: the whole database (every tenant) in one consistent, compressed archive with its manifest. */
@Command(name = "backup", description = "Write a consistent, compressed archive of the whole database (every tenant) with a manifest.")
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--to", paramLabel = "FILE_OR_DIR",
            description = "a .zip file, or a folder for mostrador-<time>-V<version>.zip (default: MOSTRADOR_BACKUP_DIR, else "
                    + "the data folder's backups/ with the embedded database, ./backups with DATABASE_URL)")
    Path to;

    @Option(names = "--drill", description = "then restore the new archive into a scratch database and check it (restore --drill)")
    boolean drill;

    @Override
    public Integer call() {
        Config config = Config.fromEnv();
        Path target = to != null ? to : BackupSettings.fromEnv(config).directory();
        BackupWriter.Result result;
        try (Database db = Database.open(config)) {
            result = BackupWriter.write(db.dataSource(), db.description(), target, null);
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage());
            return RestoreReport.REFUSED;
        }
        var manifest = result.manifest();
        long tenants = manifest.tables().stream().filter(t -> t.label().equals("public.tenants")).mapToLong(t -> t.rows()).sum();
        System.out.println("backup written: " + result.file().toAbsolutePath());
        System.out.println("  " + size(result.bytes()) + ", " + CommandSupport.english(
                "{0, plural, one {# table} other {# tables}}, {1, plural, one {# row} other {# rows}}, {2, plural, one {# tenant} other {# tenants}}",
                manifest.tables().size(), manifest.totalRows(), tenants) + ", schema V" + manifest.schemaVersion());
        return drill ? RestoreCommand.drill(result.file(), config) : 0;
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
