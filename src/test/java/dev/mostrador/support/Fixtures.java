package dev.mostrador.support;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh tenant per test with one user per role, all with {@link #PASSWORD}. */
public final class Fixtures {
    public static final String PASSWORD = "correct horse battery";
    // bcrypt at cost 12 takes ~0.3 s; hash the shared test password once per JVM.
    private static final String HASH = Passwords.hash(PASSWORD);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {}

    public record TestTenant(Tenant tenant, String admin, String oficina, String vendedor) {
        public UUID id() {
            return tenant.id();
        }

        public String emailFor(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case OFICINA -> oficina;
                case VENDEDOR -> vendedor;
            };
        }
    }

    /** A fresh API token for a user, issued directly (no bcrypt round trip): for tests that need many. */
    public static String apiToken(String email) {
        DSLContext dsl = TestDatabase.get().dsl();
        var user = new UserRepository(dsl).findForLogin(email).orElseThrow();
        return new dev.mostrador.platform.auth.ApiTokenRepository(dsl, java.time.Duration.ofHours(1))
                .issue(user.getTenantId(), user.getId()).token();
    }

    /** One more user of a role in the tenant (e.g. to get a fresh per-user rate-limit budget). */
    public static String user(TestTenant tenant, Role role) {
        String email = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.tenant().slug() + ".test";
        new UserRepository(TestDatabase.get().dsl()).create(TestDatabase.get().dsl(), tenant.id(), email, "Extra " + role.code(), role, HASH);
        return email;
    }

    public static TestTenant tenant() {
        return tenant("CLP", "es-CL", "America/Santiago");
    }

    /** A fresh tenant that sells in another currency and writes numbers another way (e.g. "UYU", "es-UY", "America/Montevideo"). */
    public static TestTenant tenant(String currency, String locale, String timeZone) {
        TestApp.get(); // the app first: its first start creates the default tenant only in an empty database
        DSLContext dsl = TestDatabase.get().dsl();
        String key = UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Tenant tenant = new TenantRepository(tx).create(tx, null, new TenantRepository.NewTenant("t-" + key, "Tienda " + key, timeZone, currency, locale));
            UserRepository users = new UserRepository(tx);
            String admin = "admin-" + key + "@test.cl";
            String oficina = "oficina-" + key + "@test.cl";
            String vendedor = "vendedor-" + key + "@test.cl";
            users.create(tx, tenant.id(), admin, "Ana Admin", Role.ADMIN, HASH);
            users.create(tx, tenant.id(), oficina, "Óscar Oficina", Role.OFICINA, HASH);
            users.create(tx, tenant.id(), vendedor, "Vera Vendedora", Role.VENDEDOR, HASH);
            return new TestTenant(tenant, admin, oficina, vendedor);
        });
    }
}
