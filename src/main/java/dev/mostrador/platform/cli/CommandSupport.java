package dev.mostrador.platform.cli;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.backup.PreMigrationBackup;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.Migrations;

/** What every command of the command line shares: its English, its checks, its database. */
public final class CommandSupport {
    private CommandSupport() {}

    /** The console speaks English; its counts take plural forms like the pages' texts ("1 redemption"). */
    public static String english(String pattern, Object... args) {
        return new MessageFormat(pattern, ULocale.ENGLISH).format(args);
    }

    /** The messages seed 003 prints in Spanish stay Spanish ("3 reservas expiradas liberadas"). */
    public static String spanish(String pattern, Object... args) {
        return new MessageFormat(pattern, new ULocale("es")).format(args);
    }

    /** An IllegalArgumentException (exit status 2, its message printed) for a password the app would refuse. */
    public static void requirePassword(String password) {
        Passwords.problem(password).ifPresent(p -> {
            throw new IllegalArgumentException("the password must have at least " + Passwords.MIN_LENGTH
                    + " characters and at most " + Passwords.MAX_BYTES + " bytes");
        });
    }

    public static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F-]{36}");
    }

    /** The configured database with its migrations applied: a command may run before the app ever did. */
    public static Database migrated(Config config) {
        Database db = Database.open(config);
        try {
            Migrations migrations = new Migrations(db.dataSource());
            PreMigrationBackup.takeIfNeeded(db, config, migrations);
            migrations.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
