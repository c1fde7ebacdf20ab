package dev.mostrador.platform.cli;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.migrationcheck.MigrationReview;
import dev.mostrador.platform.migrationcheck.MigrationScript;
import dev.mostrador.platform.migrationcheck.MigrationScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code migrations check}: the review of migrations before they reach a live database; exit 1 on an un-accepted BLOCK. */
@Command(name = "check", description = {
        "Review migrations: every statement SAFE, WARN or BLOCK, with the lock it takes and the safe alternative.",
        "Without FILES: the pending migrations of the configured database. Exit 0 when no un-accepted BLOCK is left, 1 otherwise.",
        "Accept a statement with a comment right before it: -- migration-check: accept <rule-id> because <reason>"})
public final class MigrationsCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILES", arity = "0..*", description = "SQL migration files to check (no database needed).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--all", description = "Check every migration packaged with the app (no database needed).")
    private boolean all;

    @Override
    public Integer call() {
        if (all && !files.isEmpty()) throw new IllegalArgumentException("give FILES or --all, not both");
        List<MigrationScript> scripts;
        if (!files.isEmpty()) {
            scripts = files.stream().map(MigrationScripts::file).toList();
        } else if (all) {
            scripts = MigrationScripts.packaged();
        } else {
            try (Database db = Database.open(Config.fromEnv())) {
                scripts = new Migrations(db.dataSource()).pendingScripts();
                System.out.println(CommandSupport.english("{0, plural, one {# pending SQL migration} other {# pending SQL migrations}} in the {1} database.",
                        scripts.size(), db.description()));
            }
        }
        MigrationReview review = MigrationReview.of(scripts);
        review.print(System.out);
        return review.passes() ? 0 : 1;
    }
}
