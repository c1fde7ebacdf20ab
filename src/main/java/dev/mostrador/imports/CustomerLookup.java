package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The tenant's customers a batch of rows names, by the matching key and by e-mail (whose index is unique). */
final class CustomerLookup {
    /** A customer's current values, as {@link CustomerImportFields} writes them. */
    record Existing(long id, Map<String, String> values) {}

    private CustomerLookup() {}

    /** Key value → customers having it (more than one: the row is ambiguous). */
    static Map<String, List<Existing>> byKey(DSLContext ctx, UUID tenantId, String key, Collection<String> keys) {
        Map<String, List<Existing>> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        // Joined to the keys, not "= ANY(keys)": without statistics yet (a table an import just filled) the planner may scan
        // the table, and a scan checking each row against 2,000 keys took 3 s a chunk at 100,000 customers; joined, it hashes.
        String sql = "SELECT k.key, c.id, c.name, c.email, c.phone, c.phone_alt, c.tax_id, c.address, c.city, c.status, "
                + "c.preferred::text, c.notes FROM unnest(?::text[]) AS k(key) JOIN customers c ON c.tenant_id = ? AND "
                + CustomerImportFields.keySql(key) + " = k.key";
        for (Object[] row : Jdbc.list(ctx, sql, r -> {
            Object[] o = new Object[12];
            for (int i = 0; i < 12; i++) o[i] = r.getObject(i + 1);
            return o;
        }, Jdbc.array("text", keys.toArray(String[]::new)), tenantId)) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> fields = CustomerImportFields.FIELDS;
            for (int i = 0; i < fields.size(); i++) if (row[i + 2] != null) values.put(fields.get(i), String.valueOf(row[i + 2]));
            found.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>()).add(new Existing(((Number) row[1]).longValue(), values));
        }
        return found;
    }

    /** Lower-cased e-mail → the customer that has it. */
    static Map<String, Long> byEmail(DSLContext ctx, UUID tenantId, Collection<String> emails) {
        Map<String, Long> found = new HashMap<>();
        if (emails.isEmpty()) return found;
        for (Object[] row : Jdbc.list(ctx, "SELECT k.email, c.id FROM unnest(?::text[]) AS k(email) JOIN customers c ON c.tenant_id = ? "
                        + "AND lower(c.email) = k.email",
                r -> new Object[] {r.getString(1), r.getLong(2)}, Jdbc.array("text", emails.toArray(String[]::new)), tenantId)) {
            found.put((String) row[0], (Long) row[1]);
        }
        return found;
    }

    /** What a row changes on a customer: its values that differ from the customer's (empty: unchanged). */
    static Map<String, String> changes(Map<String, String> row, Existing current) {
        Map<String, String> diff = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            String now = current.values().get(field);
            boolean same = field.equals("email") ? value.equalsIgnoreCase(now == null ? "" : now) : value.equals(now);
            if (!same) diff.put(field, value);
        });
        return diff;
    }
}
