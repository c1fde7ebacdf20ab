package dev.mostrador.customers;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMER_INTERESES;
import static dev.mostrador.db.public_.Tables.INTERESES;

/** The tenant's interests (what its customers like: "vinos", "quesos"…), unique by name with accents and case ignored. */
public final class InterestRepository {
    /** An interest with how many customers have it. */
    public record Interest(long id, String name, int customers) {}

    private final DSLContext dsl;

    public InterestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tenant's interests without their customers counted (a select's options: counting them read every assignment). */
    public List<Interest> names(UUID tenantId) {
        // Plain SQL: every view of the customers list asks it for its filter, and jOOQ's rendering cost more than the query.
        return dev.mostrador.platform.db.Jdbc.list(dsl, "SELECT id, nombre FROM public.intereses WHERE tenant_id = ? ORDER BY lower(nombre), id LIMIT 500",
                r -> new Interest(r.getLong(1), r.getString(2), -1), tenantId);
    }

    public List<Interest> list(UUID tenantId) {
        var count = DSL.field(DSL.selectCount().from(CUSTOMER_INTERESES)
                .where(CUSTOMER_INTERESES.TENANT_ID.eq(INTERESES.TENANT_ID), CUSTOMER_INTERESES.INTERES_ID.eq(INTERESES.ID)));
        return dsl.select(INTERESES.ID, INTERESES.NOMBRE, count).from(INTERESES).where(INTERESES.TENANT_ID.eq(tenantId))
                .orderBy(DSL.lower(INTERESES.NOMBRE), INTERESES.ID).limit(500)
                .fetch(r -> new Interest(r.value1(), r.value2(), r.value3()));
    }

    public Optional<Interest> find(UUID tenantId, long id) {
        return list(tenantId).stream().filter(i -> i.id() == id).findFirst();
    }

    /** The new interest's id, or empty when the tenant has one of that name already (accents and case ignored). */
    public Optional<Long> create(UUID tenantId, String name) {
        try {
            return Optional.of(dsl.insertInto(INTERESES).set(INTERESES.TENANT_ID, tenantId).set(INTERESES.NOMBRE, name)
                    .returning(INTERESES.ID).fetchOne().getId());
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("intereses_nombre_key")) return Optional.empty();
            throw e;
        }
    }

    /** False when another interest has that name. */
    public boolean rename(UUID tenantId, long id, String name) {
        try {
            dsl.update(INTERESES).set(INTERESES.NOMBRE, name).where(INTERESES.TENANT_ID.eq(tenantId), INTERESES.ID.eq(id)).execute();
            return true;
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("intereses_nombre_key")) return false;
            throw e;
        }
    }

    /** Deletes it; the customers who had it lose it (customer_intereses cascades). */
    public void delete(UUID tenantId, long id) {
        dsl.deleteFrom(INTERESES).where(INTERESES.TENANT_ID.eq(tenantId), INTERESES.ID.eq(id)).execute();
    }
}
