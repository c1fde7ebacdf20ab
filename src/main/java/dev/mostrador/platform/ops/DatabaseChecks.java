package dev.mostrador.platform.ops;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.DatabaseUrl;
import dev.mostrador.platform.db.Migrations;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks that ask the database: it answers, its migrations are applied, and for a deploy the
 * app's role is neither the default one nor a superuser and its statements have a time limit.
 */
public final class DatabaseChecks {
    private DatabaseChecks() {}

    /** Reachable (E008) and migrated (E009, unless {@code migrations} is false: a start applies them itself). */
    public static List<CheckResult> basic(DataSource dataSource, boolean migrations) {
        List<CheckResult> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            results.add(CheckResult.passed("mostrador.E008", "the database answers (PostgreSQL " + r.getString(1) + ")"));
        } catch (SQLException | RuntimeException e) {
            results.add(CheckResult.failed("mostrador.E008", "the database does not answer: " + firstLine(e.getMessage()),
                    "check DATABASE_URL (or MOSTRADOR_DATA_DIR) and that the server runs"));
            if (migrations) results.add(CheckResult.skipped("mostrador.E009", "migrations not checked: no database"));
            return results;
        }
        if (migrations) {
            Migrations.Status status = new Migrations(dataSource).status();
            results.add(status.pending() == 0
                    ? CheckResult.passed("mostrador.E009", "migrations applied (schema version " + status.currentVersion() + ")")
                    : CheckResult.failed("mostrador.E009", status.pending() + " pending migration(s) (schema version "
                    + status.currentVersion() + ")", "run `mostrador migrate` (`mostrador migrations` lists them)"));
        }
        return results;
    }

    /** Credentials (E010), superuser (E011), statement_timeout (W003); skipped on the embedded database (E005 says why). */
    public static List<CheckResult> deploy(Config config, DataSource dataSource, Map<String, String> env) {
        if (config.databaseUrl() == null) {
            return List.of(CheckResult.skipped("mostrador.E010", "database credentials: the embedded database has no others"),
                    CheckResult.skipped("mostrador.E011", "database role: the embedded database runs as its superuser"),
                    CheckResult.skipped("mostrador.W003", "statement_timeout: not checked on the embedded database"));
        }
        String user;
        boolean superuser;
        String timeout;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_user, rolsuper, current_setting('statement_timeout') FROM pg_roles WHERE rolname = current_user")) {
            r.next();
            user = r.getString(1);
            superuser = r.getBoolean(2);
            timeout = r.getString(3);
        } catch (SQLException | RuntimeException e) {
            return List.of(CheckResult.skipped("mostrador.E010", "database role not checked: " + firstLine(e.getMessage())));
        }
        List<CheckResult> results = new ArrayList<>();
        String password = password(config.databaseUrl(), env);
        String fixRole = "create a role for the app (CREATE ROLE mostrador LOGIN PASSWORD '<random>'; GRANT ALL ON DATABASE <db> TO mostrador;"
                + " ALTER DATABASE <db> OWNER TO mostrador) and put it in DATABASE_URL";
        if (user.equals("postgres")) {
            results.add(CheckResult.failed("mostrador.E010", "the app connects as the default user postgres", fixRole));
        } else if (password == null || password.isEmpty()) {
            results.add(CheckResult.failed("mostrador.E010", "DATABASE_URL has no password for " + user + " (trust or a default setup)",
                    "give " + user + " a password (ALTER ROLE " + user + " PASSWORD '<random>'), require scram-sha-256 in pg_hba.conf"
                            + " and put it in DATABASE_URL"));
        } else if (password.equals("postgres") || password.equals(user) || password.length() < 12) {
            results.add(CheckResult.failed("mostrador.E010", "the password of " + user + " is a default or short one",
                    "ALTER ROLE " + user + " PASSWORD '<at least 12 random characters>' and update DATABASE_URL"));
        } else {
            results.add(CheckResult.passed("mostrador.E010", "the app connects as " + user + " with a password"));
        }
        results.add(superuser
                ? CheckResult.failed("mostrador.E011", "the app's role " + user + " is a superuser: a bug or an injection could do anything",
                fixRole + "; ALTER ROLE " + user + " NOSUPERUSER if it is already the app's own")
                : CheckResult.passed("mostrador.E011", "the app's role " + user + " is not a superuser"));
        results.add("0".equals(timeout)
                ? CheckResult.failed("mostrador.W003", "statement_timeout is 0 for " + user + ": a runaway query holds its connection forever",
                "ALTER ROLE " + user + " SET statement_timeout = '30s' (or add options=-c%20statement_timeout%3D30s to DATABASE_URL)")
                : CheckResult.passed("mostrador.W003", "statement_timeout is " + timeout));
        return results;
    }

    /** The password DATABASE_URL gives (user:pass@ or ?password=), else PGPASSWORD; null when none. */
    static String password(String databaseUrl, Map<String, String> env) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        if (url.password() != null) return url.password();
        int q = url.jdbcUrl().indexOf('?');
        if (q >= 0) {
            for (String pair : url.jdbcUrl().substring(q + 1).split("&")) {
                if (pair.startsWith("password=")) return URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8);
            }
        }
        return env.get("PGPASSWORD");
    }

    private static String firstLine(String message) {
        if (message == null) return "(no message)";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
