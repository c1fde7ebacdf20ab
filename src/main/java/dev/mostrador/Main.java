package dev.mostrador;

import dev.mostrador.inventory.InventoryCommands;
import dev.mostrador.ops.BackupCommand;
import dev.mostrador.ops.RestoreCommand;
import dev.mostrador.orders.OrderCommands;
import dev.mostrador.platform.backup.PreMigrationBackup;
import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.cli.MigrationsCheckCommand;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.EmbeddedDatabase;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.ops.CheckCommand;
import dev.mostrador.rewards.RewardsCommands;
import dev.mostrador.sales.SalesCommands;
import dev.mostrador.users.TenantCommands;
import dev.mostrador.users.UserCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: serve (default), migrate and migrations here; each feature brings its own commands. */
// scope INHERIT: every subcommand takes --help (and --version) too.
@Command(name = "mostrador", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Mostrador 0.1",
        description = "Back office for shops and distributors. With no command, serves the web app.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.ShowMigrations.class, CheckCommand.class, TenantCommands.class, UserCommands.class,
                Main.RunJobs.class, RewardsCommands.Seed.class, InventoryCommands.SeedInventory.class,
                SalesCommands.SeedPedidos.class, BackupCommand.class, RestoreCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("MOSTRADOR_LOG_FORMAT"))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    @Command(name = "serve", description = "Start the web app (the default command).")
    static final class Serve implements Callable<Integer> {
        private static final Logger log = LoggerFactory.getLogger(Serve.class);

        @Override
        public Integer call() throws Exception {
            Config config = Config.fromEnv();
            App app;
            try {
                app = config.production() ? DeployGate.start(config, System.getenv()) : App.start(config);
            } catch (EmbeddedDatabase.DataDirInUseException e) {
                System.err.println("error: " + e.getMessage());
                return 75;
            }
            if (app == null) return 78;
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
            log.info("Mostrador is running at http://localhost:{} (database: {})", app.port(), app.database().description());
            new CountDownLatch(1).await();
            return 0;
        }
    }

    @Command(name = "migrate", description = "Apply pending database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() {
            Config config = Config.fromEnv();
            try (Database db = Database.open(config)) {
                Migrations migrations = new Migrations(db.dataSource());
                PreMigrationBackup.takeIfNeeded(db, config, migrations)
                        .ifPresent(b -> System.out.println("Backup before migrating: " + b.file() + " (" + b.bytes() + " bytes)"));
                int applied = migrations.migrate();
                System.out.println(CommandSupport.english("Applied {0, plural, one {# migration} other {# migrations}}.", applied));
            }
            return 0;
        }
    }

    @Command(name = "migrations", description = "List applied and pending migrations (like showmigrations).",
            subcommands = MigrationsCheckCommand.class)
    static final class ShowMigrations implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database db = Database.open(Config.fromEnv())) {
                Migrations.Status status = new Migrations(db.dataSource()).status();
                for (Migrations.Entry e : status.migrations()) {
                    System.out.printf("[%s] V%s %s%s%n", e.installedOn() != null ? "X" : " ", e.version(), e.description(),
                            e.installedOn() != null ? "  (" + e.installedOn() + ")" : "  — " + e.state());
                }
                System.out.println("current: " + status.currentVersion() + ", pending: " + status.pending());
            }
            return 0;
        }
    }

    @Command(name = "jobs", description = "Run a periodic job by hand.",
            subcommands = {RewardsCommands.ExpireRedemptions.class, RewardsCommands.PurgeAudit.class,
                    InventoryCommands.ReleaseExpired.class, InventoryCommands.CheckStock.class, OrderCommands.FoldTotals.class})
    static final class RunJobs {}
}
