package dev.mostrador.ops;

import dev.mostrador.platform.backup.BackupArchive;
import dev.mostrador.platform.backup.BackupManifest;
import dev.mostrador.platform.backup.BackupRestore;
import dev.mostrador.platform.backup.DrillLine;
import dev.mostrador.platform.backup.RestoreChecks;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.List;

/**
 * Restores an archive, checks the copy against its manifest and prints the table of results.
 * Exit status: 0 when every line holds, 1 when any differs (refusals and damage are 2, in the commands).
 */
final class RestoreReport {
    static final int DIFFERENCES = 1;
    static final int REFUSED = 2;

    private RestoreReport() {}

    static int restoreAndCheck(BackupArchive archive, DataSource target, String description, PrintStream out) {
        BackupManifest manifest = archive.manifest();
        out.println("archive " + archive.file() + ": schema V" + manifest.schemaVersion() + ", " + manifest.tables().size()
                + " tables, " + manifest.totalRows() + " rows, made " + manifest.createdAt() + " from " + manifest.source());
        BackupRestore.Loaded loaded = BackupRestore.into(archive, target, description);
        out.println("restored into " + description + ": " + loaded.tables() + " tables, " + loaded.rows() + " rows");
        List<DrillLine> lines = RestoreChecks.run(target, manifest, AppInvariants.all());
        print(lines, out);
        long failed = lines.stream().filter(l -> !l.ok()).count();
        out.println(failed == 0 ? "all " + lines.size() + " checks passed"
                : failed + " of " + lines.size() + " checks FAILED: the restored copy differs from the archive");
        return failed == 0 ? 0 : DIFFERENCES;
    }

    private static void print(List<DrillLine> lines, PrintStream out) {
        int width = Math.max(5, lines.stream().mapToInt(l -> l.check().length()).max().orElse(5));
        int values = Math.max(8, lines.stream().mapToInt(l -> Math.max(l.expected().length(), l.actual().length())).max().orElse(8));
        String format = "%-" + width + "s  %" + values + "s  %" + values + "s  %s%n";
        out.printf(format, "check", "archive", "restored", "result");
        for (DrillLine l : lines) out.printf(format, l.check(), l.expected(), l.actual(), l.ok() ? "ok" : "DIFFERS");
    }
}
