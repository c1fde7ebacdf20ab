package dev.mostrador.users;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.auth.Tokens;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First start: a database with no tenant gets the default tenant (seed 002) and its admin. */
public final class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private FirstStart() {}

    public static void ensureDefaultTenant(DSLContext dsl, Config config) {
        TenantRepository tenants = new TenantRepository(dsl);
        if (tenants.any()) return;
        String email = config.adminEmail() != null ? config.adminEmail() : "admin@localhost";
        boolean generated = config.adminPassword() == null;
        String password = generated ? Tokens.random().substring(0, 20) : config.adminPassword();
        String hash = Passwords.hash(password);
        // Serialised: two instances starting together create the tenant once.
        boolean created = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("LOCK TABLE tenants IN EXCLUSIVE MODE");
            if (new TenantRepository(tx).any()) return false;
            tenants.create(tx, Tenant.DEFAULT_ID, TenantRepository.NewTenant.named("default", "Mostrador"));
            new UserRepository(tx).create(tx, Tenant.DEFAULT_ID, email, "Administrador", Role.ADMIN, hash);
            return true;
        });
        if (!created) return; // another instance, starting at the same time, did
        if (generated) {
            // Printed once, on the console only: it is not stored anywhere in clear.
            System.out.println();
            System.out.println("  First start: created the default tenant and its admin account.");
            System.out.println("    e-mail:   " + email);
            System.out.println("    password: " + password);
            System.out.println("  Change it under Mi cuenta (click your name in the top bar) after signing in.");
            System.out.println();
        } else {
            log.info("first start: created the default tenant and admin {}", email);
        }
    }
}
