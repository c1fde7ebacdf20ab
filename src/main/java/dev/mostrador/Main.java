package dev.mostrador;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.EmbeddedDatabase;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: serve (default), migrate, migrations, tenants create, users create. */
// scope INHERIT: every subcommand takes --help (and --version) too.
@Command(name = "mostrador", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Mostrador 0.1",
        description = "Back office for shops and distributors. With no command, serves the web app.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.ShowMigrations.class, Main.Tenants.class, Main.Users.class,
                Main.RunJobs.class, Main.Seed.class})
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
            if (config.production() && !config.productionProblems().isEmpty()) {
                System.err.println("Refusing to start with MOSTRADOR_ENV=production:");
                config.productionProblems().forEach(p -> System.err.println("  - " + p));
                return 78;
            }
            App app;
            try {
                app = App.start(config);
            } catch (EmbeddedDatabase.DataDirInUseException e) {
                System.err.println("error: " + e.getMessage());
                return 75;
            }
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
            try (Database db = Database.open(Config.fromEnv())) {
                int applied = new Migrations(db.dataSource()).migrate();
                System.out.println(english("Applied {0, plural, one {# migration} other {# migrations}}.", applied));
            }
            return 0;
        }
    }

    @Command(name = "migrations", description = "List applied and pending migrations (like showmigrations).")
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

    @Command(name = "tenants", description = "Manage tenants.", subcommands = Tenants.Create.class)
    static final class Tenants {
        @Command(name = "create", description = "Create a tenant with its first admin; prints the tenant id.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--name", required = true) String name;
            @Option(names = "--slug", description = "URL name; derived from --name when omitted") String slug;
            @Option(names = "--admin-email", required = true) String adminEmail;
            @Option(names = "--admin-password", required = true) String adminPassword;
            @Option(names = "--time-zone", defaultValue = "America/Santiago") String timeZone;
            @Option(names = "--currency", defaultValue = "CLP") String currency;
            @Option(names = "--locale", defaultValue = "es-CL") String locale;

            @Override
            public Integer call() {
                requirePassword(adminPassword);
                java.time.ZoneId.of(timeZone);
                String tenantSlug = slug != null ? slug : Slugs.of(name);
                try (Database db = Database.open(Config.fromEnv())) {
                    new Migrations(db.dataSource()).migrate();
                    UUID id = db.dsl().transactionResult(cfg -> {
                        var tenant = new TenantRepository(cfg.dsl()).create(cfg.dsl(), null,
                                new TenantRepository.NewTenant(tenantSlug, name, timeZone, currency, locale));
                        new UserRepository(cfg.dsl()).create(cfg.dsl(), tenant.id(), adminEmail, "Administrador",
                                Role.ADMIN, Passwords.hash(adminPassword));
                        return tenant.id();
                    });
                    System.out.println(id);
                }
                return 0;
            }
        }
    }

    @Command(name = "users", description = "Manage users.",
            subcommands = {Users.Create.class, Users.SetPassword.class})
    static final class Users {
        @Command(name = "set-password",
                description = "Set a new password for an account (e.g. a lost admin password); its sessions and API tokens end. "
                        + "Without --password, the password is read from the console (or the first line of standard input).")
        static final class SetPassword implements Callable<Integer> {
            @Option(names = "--email", required = true) String email;
            @Option(names = "--password", description = "the new password (visible in the shell's history: prefer the prompt)") String password;

            @Override
            public Integer call() throws Exception {
                String secret = password != null ? password : readPassword();
                requirePassword(secret);
                try (Database db = Database.open(Config.fromEnv())) {
                    new Migrations(db.dataSource()).migrate();
                    var users = new UserRepository(db.dsl());
                    var service = new dev.mostrador.users.UserService(db.dsl(), users,
                            new dev.mostrador.platform.auth.SessionRepository(db.dsl(), java.time.Duration.ofHours(1), java.time.Duration.ofHours(1)),
                            new dev.mostrador.platform.auth.ApiTokenRepository(db.dsl(), java.time.Duration.ofHours(1)));
                    if (!service.resetPassword(email, secret)) throw new IllegalArgumentException("no account has the e-mail " + email);
                    System.out.println("Password changed for " + email + "; its sessions and API tokens have ended.");
                }
                return 0;
            }

            private static String readPassword() throws java.io.IOException {
                java.io.Console console = System.console();
                if (console != null) {
                    char[] typed = console.readPassword("New password: ");
                    return typed == null ? "" : new String(typed);
                }
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            }
        }

        @Command(name = "create", description = "Create a user in a tenant.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--tenant", required = true, description = "tenant id or slug") String tenant;
            @Option(names = "--email", required = true) String email;
            @Option(names = "--name", description = "defaults to the e-mail") String name;
            @Option(names = "--role", required = true, description = "admin, oficina or vendedor") String role;
            @Option(names = "--password", required = true) String password;

            @Override
            public Integer call() {
                Role parsed = Role.fromCode(role).orElseThrow(() ->
                        new IllegalArgumentException("--role must be one of " + List.of("admin", "oficina", "vendedor")));
                requirePassword(password);
                try (Database db = Database.open(Config.fromEnv())) {
                    new Migrations(db.dataSource()).migrate();
                    TenantRepository tenants = new TenantRepository(db.dsl());
                    var found = isUuid(tenant) ? tenants.findById(UUID.fromString(tenant)) : tenants.findBySlug(tenant);
                    var t = found.orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant));
                    var user = new UserRepository(db.dsl()).create(db.dsl(), t.id(), email, name != null ? name : email,
                            parsed, Passwords.hash(password));
                    System.out.println(user.id());
                }
                return 0;
            }
        }
    }

    @Command(name = "jobs", description = "Run a periodic job by hand.",
            subcommands = {RunJobs.ExpireRedemptions.class, RunJobs.PurgeAudit.class})
    static final class RunJobs {
        @Command(name = "expire-redemptions", description = "Expire pending codes past their time: refund and restock each once.")
        static final class ExpireRedemptions implements Callable<Integer> {
            @Option(names = "--verbose", description = "print what was done") boolean verbose;

            @Override
            public Integer call() {
                try (Database db = Database.open(Config.fromEnv())) {
                    long t0 = System.nanoTime();
                    int n = new dev.mostrador.rewards.RewardsJobs(db.dsl()).expireRedemptions();
                    if (verbose) System.out.println(english("expired {0, plural, one {# redemption} other {# redemptions}}, refunded and restocked, in {1} ms",
                            n, (System.nanoTime() - t0) / 1_000_000));
                }
                return 0;
            }
        }

        @Command(name = "purge-audit", description = "Delete rewards audit rows older than the retention.")
        static final class PurgeAudit implements Callable<Integer> {
            @Option(names = "--days", description = "retention in days (default MOSTRADOR_AUDIT_RETENTION_DAYS or 90)") Integer days;

            @Override
            public Integer call() {
                Config config = Config.fromEnv();
                int keep = days != null ? days : config.auditRetentionDays();
                if (keep < 1) throw new IllegalArgumentException("--days must be 1 or more");
                try (Database db = Database.open(config)) {
                    System.out.println(english("deleted {0, plural, one {# audit row} other {# audit rows}} older than {1, plural, one {# day} other {# days}}",
                            new dev.mostrador.rewards.RewardsJobs(db.dsl()).purgeAudit(keep), keep));
                }
                return 0;
            }
        }
    }

    @Command(name = "seed", description = "Load seed 001's capacity (rewards) into a tenant, for demos and benchmarks.")
    static final class Seed implements Callable<Integer> {
        @Option(names = "--tenant", defaultValue = "seed", description = "tenant slug (created when missing)") String tenant;
        @Option(names = "--merchants", defaultValue = "1000") int merchants;
        @Option(names = "--offers", defaultValue = "10000") int offers;
        @Option(names = "--customers", defaultValue = "50000") int customers;
        @Option(names = "--redemptions", defaultValue = "1000000") int redemptions;

        @Override
        public Integer call() {
            if (merchants < 1 || offers < 1 || customers < 1 || redemptions < 0) {
                throw new IllegalArgumentException("--merchants, --offers and --customers must be 1 or more");
            }
            Config config = Config.fromEnv();
            try (Database db = Database.open(config)) {
                new Migrations(db.dataSource()).migrate();
                long t0 = System.nanoTime();
                var result = new dev.mostrador.rewards.RewardsSeed(db.dsl(), config.baseUrl())
                        .load(tenant, new dev.mostrador.rewards.RewardsSeed.Sizes(merchants, offers, customers, redemptions));
                result.millis().forEach((step, ms) -> System.out.printf("  %-20s %,8d ms%n", step, ms));
                System.out.printf("seeded tenant %s (%s) in %.1f s%n", result.tenant().slug(), result.tenant().id(), (System.nanoTime() - t0) / 1e9);
                System.out.println("API key of merchant \"" + result.merchantName() + "\" (shown once): " + result.merchantKey());
            }
            return 0;
        }
    }

    static void requirePassword(String password) {
        Passwords.problem(password).ifPresent(p -> {
            throw new IllegalArgumentException("the password must have at least " + Passwords.MIN_LENGTH
                    + " characters and at most " + Passwords.MAX_BYTES + " bytes");
        });
    }

    static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F-]{36}");
    }

    /** The console speaks English; its counts take plural forms like the pages' texts ("1 redemption"). */
    static String english(String pattern, Object... args) {
        return new com.ibm.icu.text.MessageFormat(pattern, com.ibm.icu.util.ULocale.ENGLISH).format(args);
    }
}
