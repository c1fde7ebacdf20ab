package dev.mostrador.users;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.cli.CommandSupport;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.ops.TenantVerifyCommand;
import dev.mostrador.platform.tenants.Slugs;
import dev.mostrador.platform.tenants.TenantRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code tenants create}: a tenant and its first admin (a tenant is born with someone who can sign in); {@code tenants verify}. */
@Command(name = "tenants", description = "Manage tenants.", subcommands = {TenantCommands.Create.class, TenantVerifyCommand.class})
public final class TenantCommands {
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
            CommandSupport.requirePassword(adminPassword);
            ZoneId.of(timeZone);
            String tenantSlug = slug != null ? slug : Slugs.of(name);
            try (Database db = CommandSupport.migrated(Config.fromEnv())) {
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
