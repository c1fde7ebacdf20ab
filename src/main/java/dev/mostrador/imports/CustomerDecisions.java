package dev.mostrador.imports;

import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What each checked row does to the tenant's customers, decided against the database as it is now:
 * the dry run decides once to show it, the commit decides again inside each batch's transaction
 * (another import, or someone at the form, may have created a customer since).
 */
final class CustomerDecisions {
    private CustomerDecisions() {}

    /** The dry run's rules for customers of a tenant in this country (how its tax ids are written). */
    static ImportDryRun.Rules rules(String country) {
        SeenInFile seen = new SeenInFile();
        return new ImportDryRun.Rules() {
            @Override
            public ImportRows.Checked check(Map<String, String> cells) {
                return CustomerImportFields.check(cells, country);
            }

            @Override
            public String[] repeat(String key, ImportRows.Row row) {
                return seen.repeat(key, row);
            }

            @Override
            public List<ImportRows.Decision> decide(DSLContext ctx, UUID tenantId, String key, String mode, List<ImportRows.Row> rows) {
                return CustomerDecisions.decide(ctx, tenantId, key, mode, rows);
            }
        };
    }

    static List<ImportRows.Decision> decide(DSLContext ctx, UUID tenantId, String key, String mode, List<ImportRows.Row> rows) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (ImportRows.Row r : rows) {
            String k = CustomerImportFields.keyOf(key, r.values().get(key));
            if (k != null) keys.add(k);
            if (r.values().containsKey("email")) emails.add(r.values().get("email").toLowerCase());
        }
        Map<String, List<CustomerLookup.Existing>> existing = CustomerLookup.byKey(ctx, tenantId, key, keys);
        Map<String, Long> emailOwners = CustomerLookup.byEmail(ctx, tenantId, emails);
        List<ImportRows.Decision> out = new ArrayList<>(rows.size());
        for (ImportRows.Row r : rows) {
            String k = CustomerImportFields.keyOf(key, r.values().get(key));
            List<CustomerLookup.Existing> matches = k == null ? List.of() : existing.getOrDefault(k, List.of());
            String email = r.values().get("email");
            Long emailOwner = email == null ? null : emailOwners.get(email.toLowerCase());
            if (matches.size() > 1) {
                out.add(new ImportRows.Decision(r.line(), "error", key, "import.err.ambiguous", null, null));
            } else if (matches.size() == 1) {
                CustomerLookup.Existing c = matches.get(0);
                Map<String, String> diff = CustomerLookup.changes(r.values(), c);
                if (mode.equals("create")) out.add(new ImportRows.Decision(r.line(), "unchanged", key, "import.note.exists", c.id(), null));
                else if (emailOwner != null && !Objects.equals(emailOwner, c.id())) {
                    out.add(new ImportRows.Decision(r.line(), "error", "email", "import.err.email_taken", null, null));
                } else if (diff.isEmpty()) out.add(new ImportRows.Decision(r.line(), "unchanged", null, null, c.id(), null));
                else out.add(new ImportRows.Decision(r.line(), "update", null, null, c.id(), diff));
            } else if (mode.equals("update")) {
                out.add(new ImportRows.Decision(r.line(), "error", key, k == null ? "import.err.key_missing" : "import.err.not_found", null, null));
            } else if (!r.values().containsKey("name")) {
                out.add(new ImportRows.Decision(r.line(), "error", "name", "import.err.name_required", null, null));
            } else if (emailOwner != null) {
                out.add(new ImportRows.Decision(r.line(), "error", "email", "import.err.email_taken", null, null));
            } else {
                out.add(new ImportRows.Decision(r.line(), "new", null, null, null, r.values()));
            }
        }
        return out;
    }

    /** Keys and e-mails seen earlier in the file: a later row repeating one is an error naming the first line. */
    static final class SeenInFile {
        private final Map<String, Integer> keys = new HashMap<>();
        private final Map<String, Integer> emails = new HashMap<>();

        /** null when first seen; else the error (field, reason with the first line). */
        String[] repeat(String key, ImportRows.Row r) {
            String k = CustomerImportFields.keyOf(key, r.values().get(key));
            if (k != null) {
                Integer first = keys.putIfAbsent(k, r.line());
                if (first != null) return new String[] {key, "import.err.duplicate|" + first};
            }
            String email = r.values().get("email");
            if (email != null && !key.equals("email")) {
                Integer first = emails.putIfAbsent(email.toLowerCase(), r.line());
                if (first != null) return new String[] {"email", "import.err.duplicate|" + first};
            }
            return null;
        }
    }
}
