package dev.mostrador.users;

import dev.mostrador.platform.auth.ApiTokenRepository;
import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.SessionRepository;
import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.tenants.TenantRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;


/** {@code users create} and {@code users set-password}. */
@Command(name = "users", description = "Manage users.",
        subcommands = {UserCommands.Create.class, UserCommands.SetPassword.class})
public final class UserCommands {
    @Command(name = "set-password",
            description = "Set a new password for an account (e.g. a lost admin password); its sessions and API tokens end. "
                    + "Without --password, the password is read from the console (or the first line of standard input).")
    static final class SetPassword implements Callable<Integer> {
        @Option(names = "--email", required = true) String email;
        @Option(names = "--password", description = "the new password (visible in the shell's history: prefer the prompt)") String password;

        @Override
        public Integer call() throws Exception {
            String secret = password != null ? password : readPassword();
            CommandSupport.requirePassword(secret);
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                var users = new UserRepository(db.dsl());
                var service = new UserService(db.dsl(), users,
                        new SessionRepository(db.dsl(), Duration.ofHours(1), Duration.ofHours(1)),
                        new ApiTokenRepository(db.dsl(), Duration.ofHours(1)));
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
            CommandSupport.requirePassword(password);
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
                TenantRepository tenants = new TenantRepository(db.dsl());
                var found = CommandSupport.isUuid(tenant) ? tenants.findById(UUID.fromString(tenant)) : tenants.findBySlug(tenant);
                var t = found.orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant));
                var user = new UserRepository(db.dsl()).create(db.dsl(), t.id(), email, name != null ? name : email,
                        parsed, Passwords.hash(password));
                System.out.println(user.id());
            }
            return 0;
        }
    }
}
