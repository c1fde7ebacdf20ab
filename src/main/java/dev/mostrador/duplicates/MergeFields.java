package dev.mostrador.duplicates;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer fields a merge lets the user pick from either side. By default the winner keeps its
 * own value and fills its empty ones from the loser; a field named in {@code fromLoser} takes the
 * loser's value instead. Everything else of the winner (status, vendedor, lümis…) stays.
 */
public final class MergeFields {
    public static final List<String> NAMES = List.of("name", "email", "phone", "phone_alt", "tax_id", "address", "city", "notes");

    private MergeFields() {}

    /** The fields of one customer (null when absent), in {@link #NAMES} order; empty if not the tenant's. */
    public static Optional<Map<String, String>> read(DSLContext dsl, UUID tenantId, long id) {
        return Jdbc.list(dsl, "SELECT " + String.join(", ", NAMES) + " FROM public.customers WHERE tenant_id = ? AND id = ?", r -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.size(); i++) m.put(NAMES.get(i), blankToNull(r.getString(i + 1)));
            return m;
        }, tenantId, id).stream().findFirst();
    }

    /** Which side a field's value comes from: "winner" or "loser". */
    public static String defaultSide(Map<String, String> winner, Map<String, String> loser, String field) {
        return winner.get(field) == null && loser.get(field) != null ? "loser" : "winner";
    }

    /** The winner's values after the merge, each from the side picked (or the default). */
    public static Map<String, String> resolve(Map<String, String> winner, Map<String, String> loser, Map<String, String> sides) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : NAMES) {
            String side = sides.getOrDefault(f, defaultSide(winner, loser, f));
            String v = "loser".equals(side) ? loser.get(f) : winner.get(f);
            // A name is required: picking the loser's empty value would leave none, so the other stays.
            out.put(f, v == null && f.equals("name") ? winner.get(f) : v);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
