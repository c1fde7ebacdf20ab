package dev.mostrador.orders;

import dev.mostrador.db.public_.tables.records.RepartidoresRecord;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Sorting;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.REPARTIDORES;

/** The shop's repartidores, always read within one tenant. */
public final class RepartidorRepository {
    /** The list's sortable columns; the default is by name. */
    public static final Map<String, Field<?>> SORTS = Map.of("nombre", DSL.lower(REPARTIDORES.NOMBRE),
            "telefono", REPARTIDORES.TELEFONO, "activo", REPARTIDORES.ACTIVO);
    public static final ListSort DEFAULT_SORT = ListSort.asc("nombre");

    private final DSLContext dsl;

    public RepartidorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long create(UUID tenantId, RepartidorInput in) {
        return dsl.insertInto(REPARTIDORES).set(REPARTIDORES.TENANT_ID, tenantId).set(REPARTIDORES.NOMBRE, in.nombre())
                .set(REPARTIDORES.TELEFONO, blank(in.telefono())).set(REPARTIDORES.ACTIVO, in.activo())
                .returning(REPARTIDORES.ID).fetchOne().getId();
    }

    public boolean update(UUID tenantId, long id, RepartidorInput in) {
        return dsl.update(REPARTIDORES).set(REPARTIDORES.NOMBRE, in.nombre()).set(REPARTIDORES.TELEFONO, blank(in.telefono()))
                .set(REPARTIDORES.ACTIVO, in.activo()).set(REPARTIDORES.UPDATED_AT, OffsetDateTime.now())
                .where(REPARTIDORES.TENANT_ID.eq(tenantId), REPARTIDORES.ID.eq(id)).execute() == 1;
    }

    public Optional<Repartidor> find(UUID tenantId, long id) {
        return dsl.selectFrom(REPARTIDORES).where(REPARTIDORES.TENANT_ID.eq(tenantId), REPARTIDORES.ID.eq(id))
                .fetchOptional(RepartidorRepository::toRepartidor);
    }

    /** {@code activo}: true, false, or null for all. */
    public List<Repartidor> search(UUID tenantId, String query, Boolean activo, ListSort sort, int limit, int offset) {
        return dsl.selectFrom(REPARTIDORES).where(filter(tenantId, query, activo))
                .orderBy(Sorting.orderBy(sort, SORTS, REPARTIDORES.ID)).limit(limit).offset(offset)
                .fetch(RepartidorRepository::toRepartidor);
    }

    public int count(UUID tenantId, String query, Boolean activo) {
        return dsl.fetchCount(REPARTIDORES, filter(tenantId, query, activo));
    }

    private static Condition filter(UUID tenantId, String query, Boolean activo) {
        Condition c = REPARTIDORES.TENANT_ID.eq(tenantId);
        if (activo != null) c = c.and(REPARTIDORES.ACTIVO.eq(activo));
        if (query == null || query.isBlank()) return c;
        String like = Like.containing(query);
        return c.and(DSL.lower(REPARTIDORES.NOMBRE).like(like).or(REPARTIDORES.TELEFONO.like(like)));
    }

    private static Repartidor toRepartidor(RepartidoresRecord r) {
        return new Repartidor(r.getId(), r.getNombre(), r.getTelefono(), r.getActivo(), r.getCreatedAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
