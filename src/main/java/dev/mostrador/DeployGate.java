package dev.mostrador;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.ops.CheckResult;
import dev.mostrador.platform.ops.ConfigChecks;
import dev.mostrador.platform.ops.SystemChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A start with MOSTRADOR_ENV=production runs {@code check --deploy} first, on the database it is
 * about to serve from: an error refuses the start (printed with its fix), a warning is logged.
 * Pending migrations are not held against it: the start applies them.
 */
final class DeployGate {
    private static final Logger log = LoggerFactory.getLogger(DeployGate.class);

    private DeployGate() {}

    /** The started app, or null (after printing why) when a check failed with an error. */
    static App start(Config config, Map<String, String> env) {
        // The settings first: a wrong one refuses at once, without starting or reaching a database.
        if (refused(ConfigChecks.run(config, env))) return null;
        Database database = Database.open(config);
        try {
            List<CheckResult> results = SystemChecks.run(config, env, database, true, false);
            if (refused(results)) {
                database.close();
                return null;
            }
            results.stream().filter(CheckResult::isWarning).forEach(r -> log.warn("deploy check {}: {} (fix: {})", r.id(), r.message(), r.fix()));
            return App.start(config, database, true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static boolean refused(List<CheckResult> results) {
        if (!SystemChecks.hasErrors(results)) return false;
        System.err.println("Refusing to start with MOSTRADOR_ENV=production (`mostrador check --deploy` lists every check):");
        results.stream().filter(CheckResult::isError).forEach(r -> System.err.println(r.render()));
        return true;
    }
}
