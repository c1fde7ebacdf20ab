package dev.mostrador.platform.tenants;

import dev.mostrador.db.public_.tables.records.TenantsRecord;
import org.jooq.DSLContext;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.TENANTS;

public final class TenantRepository {
    private final DSLContext dsl;

    public TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Tenant create(DSLContext tx, UUID id, NewTenant t) {
        TenantsRecord r = tx.insertInto(TENANTS)
                .set(TENANTS.ID, id == null ? UUID.randomUUID() : id)
                .set(TENANTS.SLUG, t.slug())
                .set(TENANTS.NAME, t.name())
                .set(TENANTS.TIME_ZONE, t.timeZone())
                .set(TENANTS.CURRENCY, t.currency())
                .set(TENANTS.LOCALE, t.locale())
                .returning()
                .fetchOne();
        return toTenant(r);
    }

    public Optional<Tenant> findById(UUID id) {
        return dsl.selectFrom(TENANTS).where(TENANTS.ID.eq(id)).fetchOptional(TenantRepository::toTenant);
    }

    public Optional<Tenant> findBySlug(String slug) {
        return dsl.selectFrom(TENANTS).where(TENANTS.SLUG.eq(slug)).fetchOptional(TenantRepository::toTenant);
    }

    public boolean slugTaken(String slug) {
        return dsl.fetchExists(TENANTS, TENANTS.SLUG.eq(slug));
    }

    public boolean any() {
        return dsl.fetchExists(TENANTS);
    }

    public static Tenant toTenant(TenantsRecord r) {
        return new Tenant(r.getId(), r.getSlug(), r.getName(), ZoneId.of(r.getTimeZone()), r.getCurrency(), r.getLocale());
    }

    public record NewTenant(String slug, String name, String timeZone, String currency, String locale) {
        public static NewTenant named(String slug, String name) {
            return new NewTenant(slug, name, "America/Santiago", "CLP", "es-CL");
        }
    }
}
