package dev.mostrador.platform.tenants;

import dev.mostrador.db.public_.tables.records.TenantsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.TENANTS;
import static dev.mostrador.db.public_.Tables.TENANT_LOGOS;

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

    /** The columns {@link #read} reads, of a query that names the tenants table {@code t}. */
    public static final String COLUMNS = "t.id, t.slug, t.name, t.time_zone, t.currency, t.locale, t.primary_color, t.accent_color, t.logo_updated_at";

    /** A tenant from {@link #COLUMNS}, which start at column {@code first} of the row. */
    public static Tenant read(java.sql.ResultSet r, int first) throws java.sql.SQLException {
        OffsetDateTime logo = r.getObject(first + 8, OffsetDateTime.class);
        return new Tenant(r.getObject(first, UUID.class), r.getString(first + 1), r.getString(first + 2), ZoneId.of(r.getString(first + 3)),
                r.getString(first + 4), r.getString(first + 5), new Branding(r.getString(first + 6), r.getString(first + 7),
                logo == null ? null : logo.toInstant().toEpochMilli()));
    }

    public static Tenant toTenant(TenantsRecord r) {
        Long logoVersion = r.getLogoUpdatedAt() == null ? null : r.getLogoUpdatedAt().toInstant().toEpochMilli();
        return new Tenant(r.getId(), r.getSlug(), r.getName(), ZoneId.of(r.getTimeZone()), r.getCurrency(), r.getLocale(),
                new Branding(r.getPrimaryColor(), r.getAccentColor(), logoVersion));
    }

    /** The settings an admin edits; false when the tenant is gone. */
    public boolean updateSettings(UUID tenantId, Settings s) {
        return dsl.update(TENANTS)
                .set(TENANTS.NAME, s.name())
                .set(TENANTS.TIME_ZONE, s.timeZone())
                .set(TENANTS.CURRENCY, s.currency())
                .set(TENANTS.LOCALE, s.locale())
                .set(TENANTS.PRIMARY_COLOR, s.primaryColor())
                .set(TENANTS.ACCENT_COLOR, s.accentColor())
                .set(TENANTS.RESERVA_TTL_MINUTOS, s.reservaTtlMinutos())
                .set(TENANTS.LUMIS_POR_MONTO, s.lumisPorMonto())
                .where(TENANTS.ID.eq(tenantId))
                .execute() == 1;
    }

    /**
     * {@code reservaTtlMinutos}: how long a checkout's stock reservations hold (1 to 1440);
     * {@code lumisPorMonto}: one lümi per this much of a delivered order's total, null = off.
     */
    public record Settings(String name, String timeZone, String currency, String locale, String primaryColor, String accentColor,
                           int reservaTtlMinutos, java.math.BigDecimal lumisPorMonto) {}

    /** The shop's lümis earning rule (money per lümi), or null when delivered orders earn none. */
    public java.math.BigDecimal lumisPorMonto(UUID tenantId) {
        return dsl.select(TENANTS.LUMIS_POR_MONTO).from(TENANTS).where(TENANTS.ID.eq(tenantId)).fetchOne(TENANTS.LUMIS_POR_MONTO);
    }

    /** How long the tenant's stock reservations hold, in minutes (15 unless an admin changed it). */
    public int reservaTtlMinutos(UUID tenantId) {
        Integer ttl = dsl.select(TENANTS.RESERVA_TTL_MINUTOS).from(TENANTS).where(TENANTS.ID.eq(tenantId)).fetchOne(TENANTS.RESERVA_TTL_MINUTOS);
        return ttl == null ? 15 : ttl;
    }

    public record Logo(String contentType, byte[] bytes, OffsetDateTime updatedAt) {}

    /** Replaces the logo; the tenant row carries the new version in the same transaction. */
    public void saveLogo(UUID tenantId, String contentType, byte[] bytes) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            OffsetDateTime now = tx.select(DSL.currentOffsetDateTime()).fetchOne(0, OffsetDateTime.class);
            tx.insertInto(TENANT_LOGOS)
                    .set(TENANT_LOGOS.TENANT_ID, tenantId)
                    .set(TENANT_LOGOS.CONTENT_TYPE, contentType)
                    .set(TENANT_LOGOS.BYTES, bytes)
                    .set(TENANT_LOGOS.UPDATED_AT, now)
                    .onConflict(TENANT_LOGOS.TENANT_ID).doUpdate()
                    .set(TENANT_LOGOS.CONTENT_TYPE, contentType)
                    .set(TENANT_LOGOS.BYTES, bytes)
                    .set(TENANT_LOGOS.UPDATED_AT, now)
                    .execute();
            tx.update(TENANTS).set(TENANTS.LOGO_UPDATED_AT, now).where(TENANTS.ID.eq(tenantId)).execute();
        });
    }

    public void deleteLogo(UUID tenantId) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(TENANT_LOGOS).where(TENANT_LOGOS.TENANT_ID.eq(tenantId)).execute();
            tx.update(TENANTS).setNull(TENANTS.LOGO_UPDATED_AT).where(TENANTS.ID.eq(tenantId)).execute();
        });
    }

    public Optional<Logo> findLogo(UUID tenantId) {
        return dsl.select(TENANT_LOGOS.CONTENT_TYPE, TENANT_LOGOS.BYTES, TENANT_LOGOS.UPDATED_AT)
                .from(TENANT_LOGOS).where(TENANT_LOGOS.TENANT_ID.eq(tenantId))
                .fetchOptional(r -> new Logo(r.value1(), r.value2(), r.value3()));
    }

    public record NewTenant(String slug, String name, String timeZone, String currency, String locale) {
        public static NewTenant named(String slug, String name) {
            return new NewTenant(slug, name, "America/Santiago", "CLP", "es-CL");
        }
    }
}
