package dev.mostrador.customers;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The customers list: a search over name, e-mail, phones and tax id (accents and case ignored, on
 * the trigram index customers_search_text_idx), filters, a sort with a keyset cursor (each sort's key
 * ends with the id, so it is total), a count bounded at {@link #COUNT_CAP} (an exact count of a
 * broad search on 500,000 customers reads them all), and every row for the CSV export.
 */
public final class CustomerQuery {
    public static final int COUNT_CAP = 1_000;
    /**
     * A search's count stops sooner: the trigram index hands over every candidate row of a common fragment ("mar": 46,000 of
     * 500,000) before the first is checked, and each candidate page is read to check it.
     */
    public static final int SEARCH_COUNT_CAP = 100;

    /** Empty strings and nulls mean "any". */
    public record Filter(String q, String status, Long interestId, Long vendedorId, String city, boolean preferredOnly) {
        public boolean any() {
            return !q.isEmpty() || filtersBesidesText();
        }

        /** Whether a filter other than the search's text is set. */
        boolean filtersBesidesText() {
            return status != null || interestId != null || vendedorId != null || !city.isEmpty() || preferredOnly;
        }
    }

    public record Row(long id, String name, String email, String phone, String phoneAlt, String taxId, String address, String city,
                      String status, boolean preferred, Long vendedorId, String vendedorName, long balance, String notes, String source,
                      Long createdBy, String createdByName, OffsetDateTime createdAt, List<CustomerProfile.Interest> interests,
                      String nameKey, String cityKey) {
        public Customer customer() {
            return new Customer(id, name, email, phone, balance, createdAt);
        }

        public CustomerProfile profile() {
            return new CustomerProfile(taxId, phoneAlt, address, city, status, preferred, vendedorId, vendedorName, createdBy, createdByName,
                    notes, source, interests);
        }

        public String interestNames() {
            return String.join(", ", interests.stream().map(CustomerProfile.Interest::name).toList());
        }
    }

    /** The filtered set's size, exact up to the cap; {@code more} when there are more than {@code count}. */
    public record Count(int count, boolean more) {}

    /** A sort: the key's SQL expressions (the last is the id) and whether each is text. */
    private record Sort(List<String> keys, List<Boolean> text) {}

    // name on customers_name_idx (tenant_id, lower(name), id); city on customers_city_idx.
    private static final Map<String, Sort> SORTS = Map.of(
            "name", new Sort(List.of("lower(c.name)", "c.id"), List.of(true, false)),
            "newest", new Sort(List.of("c.id"), List.of(false)),
            "city", new Sort(List.of("coalesce(crm_fold(c.city), '')", "lower(c.name)", "c.id"), List.of(true, true, false)),
            "balance", new Sort(List.of("c.lumis_balance", "c.id"), List.of(false, false)));
    public static final java.util.Set<String> SORT_NAMES = SORTS.keySet();

    private final DSLContext dsl;

    public CustomerQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} rows after {@code cursor} (null: the first page), sorted by {@code sort} ("newest" is always descending). */
    public List<Row> page(UUID tenantId, Filter f, String sort, boolean descending, String cursor, int limit) {
        return page(tenantId, f, sort, descending, cursor, limit, false);
    }

    /**
     * {@code fewMatches}: the search's count found few rows ({@link Count#more()} false), so they are read from the trigram
     * index and sorted, never by walking the sort's index: a fragment of a first name ("bego") matches 2% of the customers,
     * all together in the name order, and that walk read 49,689 of 500,000 rows (450 ms) before the first page was full.
     */
    public List<Row> page(UUID tenantId, Filter f, String sort, boolean descending, String cursor, int limit, boolean fewMatches) {
        return rows(tenantId, ids(tenantId, f, sort, descending, cursor, limit, fewMatches));
    }

    /**
     * One customer with all the list shows of them (details, profile, interests, the vendedor's and creator's names), read once
     * per request: their page, its profile and its timeline share the row (they were four statements).
     */
    public java.util.Optional<Row> one(io.javalin.http.Context ctx, UUID tenantId, long id) {
        // Sent with the reads the page's parts declared before it. "c.id = ?", not rows()' "= ANY(?)": PostgreSQL kept planning
        // that one afresh on every call (0.5 ms, more than running it), its generic plan costed for an array of unknown length.
        return dev.mostrador.platform.web.RequestMemo.firstRows(ctx, new dev.mostrador.platform.web.RequestMemo.Read<>(dsl, "customers.row." + id, 1,
                n -> new Jdbc.Query<>(ONE, CustomerQuery::row, tenantId, id)), 1).stream().findFirst();
    }

    /** A page of rows and the filtered set's count. */
    public record Counted(List<Row> rows, Count count) {}

    /**
     * A search's first page, newest first, and its count from one statement: the first {@link #SEARCH_COUNT_CAP} + 1 matching
     * ids in the page's order. Walking the ids from the newest, a common fragment ("soto", 4.5% of the customers) finds them
     * in 2,200 rows (1 ms); apart, the bounded count read every candidate of the trigram index first (22,000 of them, 7 ms)
     * and the page's statement planned and walked again. The page is the first {@code limit} of them.
     */
    public Counted searchFirstPage(UUID tenantId, Filter f, int limit) {
        int want = Math.max(limit, SEARCH_COUNT_CAP + 1);
        boolean onlySearch = !f.filtersBesidesText();
        List<Long> ids = onlySearch ? Jdbc.list(dsl, NEWEST_MATCHING, r -> r.getLong(1), tenantId, tenantId, SEARCH_WALK, likeArgument(f.q()), want)
                : null;
        // Fewer among the newest than wanted: a rare fragment, whose few rows the trigram index finds and sorts.
        if (ids == null || ids.size() < want) ids = ids(tenantId, f, "newest", true, null, want, onlySearch);
        Count count = ids.size() > SEARCH_COUNT_CAP ? new Count(SEARCH_COUNT_CAP, true) : new Count(ids.size(), false);
        return new Counted(rows(tenantId, ids.subList(0, Math.min(limit, ids.size()))), count);
    }

    /**
     * How many of the newest customers a search walks before it asks the trigram index: a fragment in 2% of them or more
     * finds its first 101 within them. Walking costs ~0.4 µs a row, the index ~0.5–1 µs a matching row, so past this
     * a fragment is rare enough for the index to be cheaper.
     */
    public static final int SEARCH_WALK = 5_000;

    /**
     * The newest customers matching a search, by walking the newest {@link #SEARCH_WALK}. Prepared and planned once for every
     * fragment and tenant: planning the fragment inline cost 1.4–2 ms, more than running it (the pattern matched against
     * search_text's 1,000-entry histogram). The tenant's rows are a range of the (tenant_id, id) index, ordered by both,
     * because only that index can give that order: with "tenant_id = ? ORDER BY id", the plan cached for a tenant of 500,000
     * walked the primary key, and a small tenant whose customers were older read through all of the big one's (150–260 ms
     * instead of 0.3 ms).
     */
    private static final String NEWEST_MATCHING = "SELECT w.id FROM (SELECT c.id, c.search_text FROM public.customers c"
            + " WHERE (c.tenant_id, c.id) >= (?, -9223372036854775808) AND (c.tenant_id, c.id) <= (?, 9223372036854775807)"
            + " ORDER BY c.tenant_id DESC, c.id DESC LIMIT ?) w WHERE w.search_text LIKE (SELECT '%' || crm_fold(?) || '%') LIMIT ?";

    /** A typed fragment for LIKE: its % _ \ are literal. */
    private static String likeArgument(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Long> ids(UUID tenantId, Filter f, String sort, boolean descending, String cursor, int limit, boolean fewMatches) {
        Sort s = SORTS.getOrDefault(sort, SORTS.get("name"));
        boolean sortApart = fewMatches && !f.q().isEmpty();
        boolean desc = descending || "newest".equals(sort);
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.id FROM public.customers c").append(where(tenantId, f, binds));
        List<String> after = decode(cursor, s.keys().size());
        if (after != null) {
            sql.append(" AND (").append(String.join(", ", s.keys())).append(desc ? ") < (" : ") > (");
            for (int i = 0; i < after.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                binds.add(s.text().get(i) ? after.get(i) : (Object) Long.parseLong(after.get(i)));
            }
            sql.append(")");
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < s.keys().size(); i++) {
            // "|| ''" sorts the same but is no index's expression: the planner cannot walk one in that order.
            String key = sortApart && s.text().get(i) ? "(" + s.keys().get(i) + " || '')" : sortApart ? "(" + s.keys().get(i) + " + 0)" : s.keys().get(i);
            sql.append(i == 0 ? "" : ", ").append(key).append(desc ? " DESC" : " ASC");
        }
        sql.append(" LIMIT ?");
        binds.add(limit);
        return oneShot(sql.toString(), r -> r.getLong(1), binds.toArray());
    }

    /**
     * The page's rows in the order of {@code ids}. Apart from the query that picks them: planned with its values every time,
     * that query would cost 5 ms of planning with these joins and the interests' lateral (0.2 ms alone); this one is the
     * same text every time, so the driver prepares it once and PostgreSQL keeps its plan.
     */
    private List<Row> rows(UUID tenantId, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, Row> byId = new java.util.HashMap<>();
        for (Row r : Jdbc.list(dsl, ROWS, CustomerQuery::row, tenantId,
                Jdbc.array("bigint", ids.toArray()))) {
            byId.put(r.id(), r);
        }
        List<Row> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Row r = byId.get(id);
            if (r != null) out.add(r); // deleted between the two statements: left out
        }
        return out;
    }

    /** The cursor of the page after {@code last}, for {@code sort}. */
    public static String cursor(Row last, String sort) {
        List<String> values = switch (SORTS.containsKey(sort) ? sort : "name") {
            case "newest" -> List.of(String.valueOf(last.id()));
            case "city" -> List.of(last.cityKey(), last.nameKey(), String.valueOf(last.id()));
            case "balance" -> List.of(String.valueOf(last.balance()), String.valueOf(last.id()));
            default -> List.of(last.nameKey(), String.valueOf(last.id()));
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\u001f", values).getBytes(StandardCharsets.UTF_8));
    }

    public Count count(UUID tenantId, Filter f) {
        List<Object> binds = new ArrayList<>();
        String where = where(tenantId, f, binds);
        binds.add(COUNT_CAP + 1);
        int cap = f.q().isEmpty() ? COUNT_CAP : SEARCH_COUNT_CAP;
        binds.set(binds.size() - 1, cap + 1);
        int n = oneShot("SELECT count(*) FROM (SELECT 1 FROM public.customers c" + where + " LIMIT ?) s", r -> r.getInt(1), binds.toArray()).get(0);
        return n > cap ? new Count(cap, true) : new Count(n, false);
    }

    /** Every row of the filter in the list's order, a thousand at a time (the CSV export). */
    public void each(UUID tenantId, Filter f, String sort, boolean descending, Consumer<Row> action) {
        String after = null;
        while (true) {
            List<Row> batch = page(tenantId, f, sort, descending, after, 1_000);
            batch.forEach(action);
            if (batch.size() < 1_000) return;
            after = cursor(batch.get(batch.size() - 1), sort);
        }
    }

    private static String where(UUID tenantId, Filter f, List<Object> binds) {
        StringBuilder w = new StringBuilder(" WHERE c.tenant_id = ?");
        binds.add(tenantId);
        if (!f.q().isEmpty()) {
            // The stored folded text (V037, kept by a trigger) on its trigram index; the typed % _ \ are literal.
            w.append(" AND c.search_text LIKE '%' || crm_fold(?) || '%'");
            binds.add(likeArgument(f.q()));
        }
        if (f.status() != null) { w.append(" AND c.status = ?"); binds.add(f.status()); }
        if (f.vendedorId() != null) { w.append(" AND c.vendedor_id = ?"); binds.add(f.vendedorId()); }
        if (!f.city().isEmpty()) { w.append(" AND coalesce(crm_fold(c.city), '') = crm_fold(?)"); binds.add(f.city()); }
        if (f.preferredOnly()) w.append(" AND c.preferred");
        if (f.interestId() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM public.customer_intereses ci WHERE ci.tenant_id = c.tenant_id AND ci.customer_id = c.id"
                    + " AND ci.interes_id = ?)");
            binds.add(f.interestId());
        }
        return w.toString();
    }

    /**
     * Runs a list query planned for its values every time (pgjdbc's prepareThreshold 0: an unnamed statement, planned at bind).
     * A cached generic plan does not know the fragment: it walks customers_name_idx for every search, which answers "mar" in
     * 11 ms but a rare or missing fragment in 4 s (all 500,000 rows folded); planned with the fragment, PostgreSQL's trigram
     * statistics pick the index for rare ones.
     */
    private <T> List<T> oneShot(String sql, Jdbc.RowReader<T> reader, Object... binds) {
        return dsl.connectionResult(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement(sql)) {
                if (st.isWrapperFor(org.postgresql.PGStatement.class)) st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < binds.length; i++) st.setObject(i + 1, binds[i]);
                try (ResultSet rows = st.executeQuery()) {
                    List<T> found = new ArrayList<>();
                    while (rows.next()) found.add(reader.read(rows));
                    return found;
                }
            }
        });
    }

    private static List<String> decode(String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            List<String> values = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u001f", -1));
            if (values.size() != size) return null;
            Long.parseLong(values.get(size - 1));
            return values;
        } catch (IllegalArgumentException e) {
            return null; // a cursor edited by hand: the first page
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        List<CustomerProfile.Interest> interests = new ArrayList<>();
        java.sql.Array ids = r.getArray(19);
        java.sql.Array names = r.getArray(20);
        if (ids != null) {
            Long[] i = (Long[]) ids.getArray();
            String[] n = (String[]) names.getArray();
            for (int k = 0; k < i.length; k++) interests.add(new CustomerProfile.Interest(i[k], n[k]));
        }
        return new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getBoolean(10), (Long) r.getObject(11), r.getString(12), r.getLong(13), r.getString(14),
                r.getString(15), (Long) r.getObject(16), r.getString(17), r.getObject(18, OffsetDateTime.class), List.copyOf(interests),
                r.getString(21), r.getString(22));
    }

    private static final String SELECT = "SELECT c.id, c.name, c.email, c.phone, c.phone_alt, c.tax_id, c.address, c.city, c.status, "
            + "c.preferred, c.vendedor_id, v.name, c.lumis_balance, c.notes, c.source, c.created_by, cb.name, c.created_at, ii.ids, ii.names, "
            // The sort keys as PostgreSQL computes them, for the next page's cursor.
            + "lower(c.name), coalesce(crm_fold(c.city), '') "
            + "FROM public.customers c "
            + "LEFT JOIN public.users v ON v.tenant_id = c.tenant_id AND v.id = c.vendedor_id "
            + "LEFT JOIN public.users cb ON cb.tenant_id = c.tenant_id AND cb.id = c.created_by "
            + "LEFT JOIN LATERAL (SELECT array_agg(i.id ORDER BY lower(i.nombre), i.id) ids, array_agg(i.nombre ORDER BY lower(i.nombre), i.id) names "
            + "FROM public.customer_intereses ci JOIN public.intereses i ON i.tenant_id = ci.tenant_id AND i.id = ci.interes_id "
            + "WHERE ci.tenant_id = c.tenant_id AND ci.customer_id = c.id) ii ON true";
    private static final String ROWS = SELECT + " WHERE c.tenant_id = ? AND c.id = ANY(?)";
    private static final String ONE = SELECT + " WHERE c.tenant_id = ? AND c.id = ?";
}
