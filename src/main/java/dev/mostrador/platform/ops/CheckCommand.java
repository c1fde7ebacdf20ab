package dev.mostrador.platform.ops;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code check [--deploy]}: like Django's, every check with its id and fix, exit 1 on an error. */
@Command(name = "check", description = {"Check the database answers and is migrated;",
        "with --deploy also the production settings (ids mostrador.E… are errors, mostrador.W… warnings)."})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--deploy", description = "Also check what production needs: secrets, cookies, HTTPS, CORS, hosts,"
            + " the database's role, backups, metrics.")
    boolean deploy;

    @Option(names = "--fail-level", defaultValue = "ERROR", description = "ERROR (default) or WARNING: the lowest level that exits 1.")
    String failLevel;

    @Override
    public Integer call() {
        boolean failOnWarnings = switch (failLevel.toUpperCase()) {
            case "ERROR" -> false;
            case "WARNING" -> true;
            default -> throw new IllegalArgumentException("--fail-level must be ERROR or WARNING, got '" + failLevel + "'");
        };
        Map<String, String> env = System.getenv();
        Config config = Config.from(env);
        List<CheckResult> results;
        Database database;
        try {
            database = Database.open(config);
        } catch (EmbeddedDatabase.DataDirInUseException e) {
            throw e; // the caller's one-line error: another process holds the data folder
        } catch (RuntimeException e) {
            results = SystemChecks.unreachable(config, env, deploy, e.getMessage());
            SystemChecks.print(results, System.out);
            return 1;
        }
        try (database) {
            System.out.println("Checking " + database.description() + (deploy ? " for a production deploy" : ""));
            results = SystemChecks.run(config, env, database, deploy, true);
        }
        SystemChecks.print(results, System.out);
        boolean failed = SystemChecks.hasErrors(results) || failOnWarnings && results.stream().anyMatch(CheckResult::isWarning);
        return failed ? 1 : 0;
    }
}
