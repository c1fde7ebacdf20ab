package dev.mostrador.duplicates;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Likely duplicates of a tenant, a page at a time. The key rules walk a partial expression index
 * (V036) in key order and keep the keys held by two customers or more, so a page stops as soon as
 * it has its groups (keyset on the key). The name rule walks the tenant's customers that have a
 * city in id order, a batch per page, and asks the trigram index for names alike to each one's
 * (similarity ≥ {@link #NAME_SIMILARITY}) in the same city: bounded work per page, whatever the size
 * (about 16 ms a customer on the 500,000 of docs/duplicates.md, whose names repeat a lot).
 */
public final class DuplicateRepository {
    public static final double NAME_SIMILARITY = 0.6;
    /** Customers of a group paired with its first (older) one: a key shared by hundreds is rare, and the merge works by pairs. */
    private static final int GROUP_PAIRS = 10;
    /** Names alike kept per customer: a common name has hundreds in a big city, and a page must stay readable. */
    private static final int NAME_PAIRS = 3;
    private final DSLContext dsl;

    public DuplicateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A page of pairs and where the next page starts ({@code null}: this was the last). */
    public record Page(List<DuplicatePair> pairs, String next) {}

    private record Group(String key, Long[] ids) {}

    private record Match(long a, long b, String key) {}

    public Page find(UUID tenantId, DuplicateRule rule, String after, int groups) {
        return rule == DuplicateRule.NAME ? byName(tenantId, after, groups * 2) : byKey(tenantId, rule, after == null ? "" : after, groups);
    }

    private Page byKey(UUID tenantId, DuplicateRule rule, String after, int limit) {
        String keys = switch (rule) {
            case EMAIL -> "SELECT crm_email_key(email) AS k, id FROM public.customers WHERE tenant_id = ? AND email IS NOT NULL"
                    + " AND crm_email_key(email) > ?";
            case TAX_ID -> "SELECT crm_tax_key(tax_id) AS k, id FROM public.customers WHERE tenant_id = ?"
                    + " AND crm_tax_key(tax_id) IS NOT NULL AND crm_tax_key(tax_id) > ?";
            case PHONE -> "SELECT crm_phone_key(phone) AS k, id FROM public.customers WHERE tenant_id = ?"
                    + " AND crm_phone_key(phone) IS NOT NULL AND crm_phone_key(phone) > ?"
                    + " UNION ALL SELECT crm_phone_key(phone_alt), id FROM public.customers WHERE tenant_id = ?"
                    + " AND crm_phone_key(phone_alt) IS NOT NULL AND crm_phone_key(phone_alt) > ?";
            case NAME -> throw new IllegalArgumentException();
        };
        Object[] binds = rule == DuplicateRule.PHONE ? new Object[] {tenantId, after, tenantId, after, limit + 1} : new Object[] {tenantId, after, limit + 1};
        // Only the phones need DISTINCT (a customer whose two phones are one); elsewhere a row is a customer.
        String ids = rule == DuplicateRule.PHONE ? "DISTINCT id" : "id";
        List<Group> found = Jdbc.list(dsl, "SELECT k, (array_agg(" + ids + " ORDER BY id))[1:" + (GROUP_PAIRS + 1) + "] FROM (" + keys
                + ") x GROUP BY k HAVING count(" + ids + ") > 1 ORDER BY k LIMIT ?",
                r -> new Group(r.getString(1), (Long[]) r.getArray(2).getArray()), binds);
        boolean more = found.size() > limit;
        if (more) found = found.subList(0, limit);
        List<Match> matches = new ArrayList<>();
        for (Group g : found) {
            for (int i = 1; i < g.ids().length; i++) matches.add(new Match(g.ids()[0], g.ids()[i], g.key()));
        }
        return new Page(pairs(tenantId, rule, matches), more ? found.get(found.size() - 1).key() : null);
    }

    /** {@code batch} customers with a city from {@code after} (an id), each against the trigram index. */
    private Page byName(UUID tenantId, String after, int batch) {
        long from = parseId(after);
        // The threshold of the % operator (which the GIN index answers) for this transaction only.
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // JIT compiling this plan cost more (150-300 ms) than running it at 500,000 customers.
            Jdbc.list(tx, "SELECT set_config('pg_trgm.similarity_threshold', ?, true), set_config('jit', 'off', true)", r -> 1,
                    String.valueOf(NAME_SIMILARITY));
            List<Long> scanned = Jdbc.list(tx, "SELECT max(id), count(*) FROM (SELECT id FROM public.customers WHERE tenant_id = ?"
                    + " AND city IS NOT NULL AND id > ? ORDER BY id LIMIT ?) b", r -> r.getObject(1) == null ? null : r.getLong(1),
                    tenantId, from, batch);
            Long last = scanned.get(0);
            if (last == null) return new Page(List.of(), null);
            List<Match> matches = Jdbc.list(tx, "SELECT c.id, o.id, round(similarity(crm_fold(c.name), crm_fold(o.name))::numeric, 2)::text"
                    + " FROM public.customers c CROSS JOIN LATERAL (SELECT o.id, o.name FROM public.customers o"
                    + "   WHERE crm_fold(o.name) % crm_fold(c.name) AND o.city IS NOT NULL AND o.tenant_id = c.tenant_id"
                    + "   AND crm_fold(o.city) = crm_fold(c.city) AND o.id <> c.id LIMIT " + NAME_PAIRS + ") o"
                    + " WHERE c.tenant_id = ? AND c.city IS NOT NULL AND c.id > ? AND c.id <= ?"
                    // a pair once: from its older customer, or from the newer one when the older lies before this batch
                    + " AND (o.id > c.id OR o.id <= ?) ORDER BY c.id, o.id",
                    r -> new Match(r.getLong(1), r.getLong(2), r.getString(3)), tenantId, from, last, from);
            List<Match> ordered = matches.stream().map(m -> m.a() < m.b() ? m : new Match(m.b(), m.a(), m.key())).distinct().toList();
            boolean more = Jdbc.list(tx, "SELECT 1 FROM public.customers WHERE tenant_id = ? AND city IS NOT NULL AND id > ? LIMIT 1",
                    r -> 1, tenantId, last).size() > 0;
            return new Page(pairs(tx, tenantId, DuplicateRule.NAME, ordered), more ? String.valueOf(last) : null);
        });
    }

    private List<DuplicatePair> pairs(UUID tenantId, DuplicateRule rule, List<Match> matches) {
        return pairs(dsl, tenantId, rule, matches);
    }

    private static List<DuplicatePair> pairs(DSLContext dsl, UUID tenantId, DuplicateRule rule, List<Match> matches) {
        if (matches.isEmpty()) return List.of();
        Set<Long> ids = new LinkedHashSet<>();
        matches.forEach(m -> { ids.add(m.a()); ids.add(m.b()); });
        Map<Long, DuplicatePair.Side> sides = Jdbc.list(dsl, "SELECT id, name, email, phone, tax_id, city FROM public.customers"
                        + " WHERE tenant_id = ? AND id = ANY(?)",
                r -> new DuplicatePair.Side(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)),
                tenantId, Jdbc.array("bigint", ids.toArray(Long[]::new))).stream()
                .collect(Collectors.toMap(DuplicatePair.Side::id, Function.identity()));
        return matches.stream().filter(m -> sides.containsKey(m.a()) && sides.containsKey(m.b()))
                .map(m -> new DuplicatePair(rule, m.key(), sides.get(m.a()), sides.get(m.b()))).toList();
    }

    private static long parseId(String after) {
        try {
            return after == null || after.isBlank() ? 0 : Math.max(0, Long.parseLong(after));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
