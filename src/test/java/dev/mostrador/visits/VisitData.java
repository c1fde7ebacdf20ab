package dev.mostrador.visits;

import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.users.UserRepository;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Rows for the visits' tests, straight into the tables (the API and pages are what the tests drive). */
final class VisitData {
    private VisitData() {}

    static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }

    static long userId(String email) {
        return new UserRepository(dsl()).findForLogin(email).orElseThrow().getId();
    }

    static long customer(UUID tenantId, String name, String phone, String address, String city) {
        return ((Number) dsl().fetchValue("INSERT INTO customers (tenant_id, name, phone, address, city) VALUES (?, ?, ?, ?, ?) RETURNING id",
                tenantId, name, phone, address, city)).longValue();
    }

    /** Today (in the tenant's zone) at the given time. */
    static OffsetDateTime today(Fixtures.TestTenant t, int hour, int minute) {
        return on(t, LocalDate.now(t.tenant().zone()), hour, minute);
    }

    static OffsetDateTime on(Fixtures.TestTenant t, LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(t.tenant().zone()).toOffsetDateTime();
    }

    static long visit(Fixtures.TestTenant t, long customerId, long vendedorId, OffsetDateTime at, String outcome) {
        return ((Number) dsl().fetchValue("INSERT INTO visitas (tenant_id, customer_id, vendedor_id, planned_at, created_by, status, outcome, done_at) "
                        + "VALUES (?, ?, ?, ?::timestamptz, ?, ?, ?, ?::timestamptz) RETURNING id", t.id(), customerId, vendedorId, at.toString(), vendedorId,
                outcome == null ? "planned" : "done", outcome, outcome == null ? null : at.toString())).longValue();
    }

    static String outcome(long visitId) {
        return (String) dsl().fetchValue("SELECT outcome FROM visitas WHERE id = ?", visitId);
    }
}
