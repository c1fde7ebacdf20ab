package dev.mostrador.users;

import dev.mostrador.db.public_.tables.records.UsersRecord;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.mostrador.db.public_.Tables.USERS;

public final class UserRepository {
    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public User create(DSLContext tx, UUID tenantId, String email, String name, Role role, String passwordHash) {
        return toUser(tx.insertInto(USERS)
                .set(USERS.TENANT_ID, tenantId)
                .set(USERS.EMAIL, email.trim())
                .set(USERS.NAME, name.trim())
                .set(USERS.ROLE, role.code())
                .set(USERS.PASSWORD_HASH, passwordHash)
                .returning().fetchOne());
    }

    public Optional<User> find(UUID tenantId, long id) {
        return dsl.selectFrom(USERS).where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                .fetchOptional(UserRepository::toUser);
    }

    /** Any tenant: login identifies the account by e-mail alone. */
    public Optional<UsersRecord> findForLogin(String email) {
        return dsl.selectFrom(USERS).where(DSL.lower(USERS.EMAIL).eq(email.trim().toLowerCase())).fetchOptional();
    }

    public boolean emailTaken(String email, Long exceptUserId) {
        Condition same = DSL.lower(USERS.EMAIL).eq(email.trim().toLowerCase());
        if (exceptUserId != null) same = same.and(USERS.ID.ne(exceptUserId));
        return dsl.fetchExists(USERS, same);
    }

    public List<User> search(UUID tenantId, String query, int limit, int offset) {
        return search(tenantId, query, ListSort.NONE, limit, offset);
    }

    public List<User> search(UUID tenantId, String query, ListSort sort, int limit, int offset) {
        return dsl.selectFrom(USERS).where(USERS.TENANT_ID.eq(tenantId), matches(query))
                .orderBy(order(sort))
                .limit(limit).offset(offset)
                .fetch(UserRepository::toUser);
    }

    /** Every user of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, String query, ListSort sort, Consumer<User> action) {
        Cursors.each(dsl, tx -> tx.selectFrom(USERS).where(USERS.TENANT_ID.eq(tenantId), matches(query)).orderBy(order(sort)),
                r -> action.accept(toUser(r)));
    }

    /** The list's sortable columns; with none asked for, the active ones first, by name. */
    public static final Map<String, Field<?>> SORTS = Map.of("name", DSL.lower(USERS.NAME), "email", DSL.lower(USERS.EMAIL),
            "role", USERS.ROLE, "active", USERS.ACTIVE, "last_login", USERS.LAST_LOGIN_AT);

    private static List<SortField<?>> order(ListSort sort) {
        return Sorting.orderBy(sort, SORTS, USERS.ID, List.of(USERS.ACTIVE.desc(), DSL.lower(USERS.NAME).asc(), USERS.ID.asc()));
    }

    public int count(UUID tenantId, String query) {
        return dsl.fetchCount(USERS, USERS.TENANT_ID.eq(tenantId).and(matches(query)));
    }

    private static Condition matches(String query) {
        if (query == null || query.isBlank()) return DSL.noCondition();
        String like = Like.containing(query);
        return DSL.lower(USERS.NAME).like(like).or(DSL.lower(USERS.EMAIL).like(like));
    }

    public boolean update(DSLContext tx, UUID tenantId, long id, String email, String name, Role role, boolean active) {
        return tx.update(USERS)
                .set(USERS.EMAIL, email.trim()).set(USERS.NAME, name.trim()).set(USERS.ROLE, role.code())
                .set(USERS.ACTIVE, active).set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                .execute() == 1;
    }

    public void rename(DSLContext tx, UUID tenantId, long id, String name) {
        tx.update(USERS).set(USERS.NAME, name.trim()).set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id)).execute();
    }

    public void setPassword(DSLContext tx, UUID tenantId, long id, String passwordHash) {
        tx.update(USERS).set(USERS.PASSWORD_HASH, passwordHash).set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id)).execute();
    }

    public boolean deactivate(DSLContext tx, UUID tenantId, long id) {
        return tx.update(USERS).set(USERS.ACTIVE, false).set(USERS.UPDATED_AT, OffsetDateTime.now())
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id)).execute() == 1;
    }

    public int countActiveAdmins(DSLContext tx, UUID tenantId) {
        return tx.fetchCount(USERS, USERS.TENANT_ID.eq(tenantId), USERS.ACTIVE.isTrue(), USERS.ROLE.eq(Role.ADMIN.code()));
    }

    public void recordLogin(long id) {
        dsl.update(USERS).set(USERS.LAST_LOGIN_AT, OffsetDateTime.now()).where(USERS.ID.eq(id)).execute();
    }

    static User toUser(UsersRecord r) {
        return new User(r.getId(), r.getTenantId(), r.getEmail(), r.getName(), Role.fromCode(r.getRole()).orElseThrow(),
                r.getActive(), r.getCreatedAt(), r.getLastLoginAt());
    }
}
