package dev.mostrador.ops;

import dev.mostrador.platform.backup.BackupArchive;
import dev.mostrador.platform.backup.BackupException;
import dev.mostrador.platform.backup.DrillDatabase;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code mostrador restore}: an archive into an empty database or data folder ({@code --into}), or
 * into a scratch database that is dropped after ({@code --drill}); either way the copy is then
 * checked against the manifest and the app's invariants.
 */
@Command(name = "restore", description = "Restore a backup into an empty database or data folder (--into), or prove it in a "
        + "scratch database (--drill); exit status 1 when the restored copy differs from the archive.")
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--into", paramLabel = "DATABASE_URL_OR_FOLDER",
            description = "an empty database (postgresql://… or jdbc:postgresql:…) or an empty or new data folder")
    String into;

    @Option(names = "--drill", description = "restore into a scratch database (on DATABASE_URL's server, else a temporary "
            + "embedded PostgreSQL), check it, and drop it")
    boolean drill;

    @Parameters(paramLabel = "FILE", description = "the backup archive (.zip)")
    Path file;

    @Override
    public Integer call() {
        if ((into == null) == !drill) throw new IllegalArgumentException("give exactly one of --into <database or folder> and --drill");
        if (drill) return drill(file, Config.fromEnv());
        try {
            Config target = targetConfig(into);
            try (BackupArchive archive = BackupArchive.open(file)) {
                archive.verify();
                try (Database db = Database.open(target)) {
                    return RestoreReport.restoreAndCheck(archive, db.dataSource(), db.description(), System.out);
                }
            }
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage());
            return RestoreReport.REFUSED;
        }
    }

    static int drill(Path file, Config config) {
        try (BackupArchive archive = BackupArchive.open(file)) {
            archive.verify(); // before a scratch database is made for nothing
            try (DrillDatabase scratch = config.databaseUrl() == null ? DrillDatabase.embedded() : DrillDatabase.onServer(config.databaseUrl())) {
                return RestoreReport.restoreAndCheck(archive, scratch.dataSource(), scratch.description(), System.out);
            }
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage());
            return RestoreReport.REFUSED;
        }
    }

    private static Config targetConfig(String into) {
        if (into.matches("(?i)(jdbc:)?postgres(ql)?:.*")) return Config.from(Map.of("DATABASE_URL", into));
        Path folder = Path.of(into);
        if (Files.exists(folder) && (!Files.isDirectory(folder) || !empty(folder))) {
            throw new BackupException("refusing to restore into the data folder " + folder.toAbsolutePath()
                    + ": it is not empty. Give a new or empty folder.");
        }
        return Config.from(Map.of("MOSTRADOR_DATA_DIR", into));
    }

    private static boolean empty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new BackupException("cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
