package dev.mostrador.platform.ops;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs the checks of {@code check}, {@code check --deploy} and a production start, and prints them. */
public final class SystemChecks {
    private SystemChecks() {}

    /**
     * {@code deploy}: every check; otherwise the database's (it answers, it is migrated).
     * {@code migrations}: whether pending migrations count (a start applies them itself).
     */
    public static List<CheckResult> run(Config config, Map<String, String> env, Database database, boolean deploy, boolean migrations) {
        List<CheckResult> results = new ArrayList<>();
        if (deploy) results.addAll(ConfigChecks.run(config, env));
        List<CheckResult> basic = DatabaseChecks.basic(database.dataSource(), migrations);
        results.addAll(basic);
        boolean reachable = basic.stream().noneMatch(r -> r.id().equals("mostrador.E008") && r.outcome() == CheckResult.Outcome.FAILED);
        if (deploy && reachable) results.addAll(DatabaseChecks.deploy(config, database.dataSource(), env));
        results.sort(Comparator.comparing(CheckResult::id));
        return results;
    }

    /** When the database could not even be opened: that one failure, after the configuration's checks. */
    public static List<CheckResult> unreachable(Config config, Map<String, String> env, boolean deploy, String why) {
        List<CheckResult> results = new ArrayList<>(deploy ? ConfigChecks.run(config, env) : List.of());
        results.add(CheckResult.failed("mostrador.E008", "the database does not answer: " + why,
                "check DATABASE_URL (or MOSTRADOR_DATA_DIR) and that the server runs"));
        results.sort(Comparator.comparing(CheckResult::id));
        return results;
    }

    /** Prints every result and a summary line. */
    public static void print(List<CheckResult> results, PrintStream out) {
        results.forEach(r -> out.println(r.render()));
        out.println(summary(results));
    }

    public static String summary(List<CheckResult> results) {
        long errors = results.stream().filter(CheckResult::isError).count();
        long warnings = results.stream().filter(CheckResult::isWarning).count();
        long passed = results.stream().filter(r -> r.outcome() == CheckResult.Outcome.PASSED).count();
        long skipped = results.stream().filter(r -> r.outcome() == CheckResult.Outcome.SKIPPED).count();
        return String.format("System check: %d %s, %d %s, %d passed, %d skipped.", errors, errors == 1 ? "error" : "errors",
                warnings, warnings == 1 ? "warning" : "warnings", passed, skipped);
    }

    public static boolean hasErrors(List<CheckResult> results) {
        return results.stream().anyMatch(CheckResult::isError);
    }
}
