package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commit of a customers import, one batch per transaction: the batch's rows are decided again
 * against the customers as they are now, written, marked applied, and imports.committed_line moves
 * to the batch's last line in the same transaction, so a commit stopped anywhere (a crash, a
 * restart) resumes after the last batch that committed, never writing a row twice. Commits of one
 * tenant take turns (a transaction-level advisory lock): two imports of the same file at once
 * cannot both find "no customer with this phone" and create it twice; the e-mail's unique index
 * settles any race with the customer form, by retrying the batch.
 */
final class CustomerCommit {
    static final int BATCH = 1_000;
    private static final String[] COLUMNS = {"name", "email", "phone", "phone_alt", "tax_id", "address", "city", "status", "preferred", "notes"};

    private final ImportRepository imports;

    CustomerCommit(ImportRepository imports) {
        this.imports = imports;
    }

    /** Commits the next batch; false when none was left (the import is then done). */
    boolean nextBatch(UUID tenantId, long importId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return imports.dsl().transactionResult(cfg -> batch(cfg.dsl(), tenantId, importId));
            } catch (IntegrityConstraintViolationException e) {
                if (attempt == 3) throw e; // a customer created at the form meanwhile: decided again, it is an update or an error
            }
        }
    }

    /** The tenant's customers imports take turns: a commit batch, an undo batch (CustomerUndo), one at a time, until the transaction ends. */
    static void lockTenant(DSLContext tx, UUID tenantId) {
        Jdbc.execute(tx, "SELECT pg_advisory_xact_lock(hashtextextended('mostrador.imports.customers:' || ?, 0))", tenantId.toString());
    }

    private boolean batch(DSLContext tx, UUID tenantId, long importId) {
        lockTenant(tx, tenantId);
        List<Object[]> job = Jdbc.list(tx, "SELECT committed_line, match_key, mode, state FROM imports WHERE tenant_id = ? AND id = ? FOR UPDATE",
                r -> new Object[] {r.getInt(1), r.getString(2), r.getString(3), r.getString(4)}, tenantId, importId);
        if (job.isEmpty() || !"importing".equals(job.get(0)[3])) return false;
        int after = (Integer) job.get(0)[0];
        String key = (String) job.get(0)[1], mode = (String) job.get(0)[2];
        List<CustomerDecisions.Row> rows = Jdbc.list(tx, "SELECT line, data::text FROM import_rows WHERE import_id = ? AND tenant_id = ? AND line > ? "
                        + "AND class IN ('new', 'update') ORDER BY line LIMIT " + BATCH,
                r -> new CustomerDecisions.Row(r.getInt(1), ImportRepository.map(org.jooq.JSONB.valueOf(r.getString(2)))), importId, tenantId, after);
        if (rows.isEmpty()) {
            Jdbc.execute(tx, "UPDATE imports SET state = 'done', finished_at = now() WHERE tenant_id = ? AND id = ?", tenantId, importId);
            return false;
        }
        List<CustomerDecisions.Decision> decisions = CustomerDecisions.decide(tx, tenantId, key, mode, rows);
        List<CustomerDecisions.Decision> creates = new ArrayList<>(), updates = new ArrayList<>();
        for (CustomerDecisions.Decision d : decisions) {
            if (d.cls().equals("new")) creates.add(d);
            else if (d.cls().equals("update")) updates.add(d);
        }
        List<Long> created = insert(tx, tenantId, importId, creates);
        update(tx, tenantId, updates);
        int n = decisions.size(), c = 0;
        Integer[] lines = new Integer[n];
        String[] applied = new String[n], reasons = new String[n], fields = new String[n];
        Long[] targets = new Long[n];
        int createdCount = 0, updatedCount = 0, skipped = 0;
        for (int i = 0; i < n; i++) {
            CustomerDecisions.Decision d = decisions.get(i);
            lines[i] = d.line();
            switch (d.cls()) {
                case "new" -> { applied[i] = "created"; targets[i] = created.get(c++); createdCount++; }
                case "update" -> { applied[i] = "updated"; targets[i] = d.targetId(); updatedCount++; }
                case "unchanged" -> { applied[i] = "unchanged"; targets[i] = d.targetId(); skipped++; }
                default -> { applied[i] = "error"; reasons[i] = d.reason(); fields[i] = d.field(); skipped++; }
            }
        }
        Jdbc.execute(tx, "UPDATE import_rows r SET applied = u.applied, target_id = u.target, "
                + "reason = coalesce(u.reason, r.reason), field = coalesce(u.field, r.field) "
                + "FROM unnest(?::integer[], ?::text[], ?::bigint[], ?::text[], ?::text[]) AS u(line, applied, target, reason, field) "
                + "WHERE r.import_id = ? AND r.tenant_id = ? AND r.line = u.line",
                Jdbc.array("integer", lines), Jdbc.array("text", applied), Jdbc.array("bigint", targets), Jdbc.array("text", reasons),
                Jdbc.array("text", fields), importId, tenantId);
        Jdbc.execute(tx, "UPDATE imports SET committed_line = ?, committed_rows = committed_rows + ?, created_rows = created_rows + ?, "
                + "updated_rows = updated_rows + ?, skipped_rows = skipped_rows + ? WHERE tenant_id = ? AND id = ?",
                rows.get(rows.size() - 1).line(), n, createdCount, updatedCount, skipped, tenantId, importId);
        return true;
    }

    /** New customers in one statement, in the rows' order; their ids in the same order. Created by whoever committed the import. */
    private static List<Long> insert(DSLContext tx, UUID tenantId, long importId, List<CustomerDecisions.Decision> creates) {
        if (creates.isEmpty()) return List.of();
        Object[] arrays = columns(creates);
        Object[] binds = new Object[4 + COLUMNS.length];
        binds[0] = tenantId;
        binds[1] = importId;
        binds[2] = tenantId;
        binds[3] = importId;
        System.arraycopy(arrays, 0, binds, 4, COLUMNS.length);
        return Jdbc.list(tx, "INSERT INTO customers (tenant_id, import_id, source, created_by, name, email, phone, phone_alt, tax_id, address, city, status, "
                + "preferred, notes) SELECT ?, ?, 'import', (SELECT i.committed_by FROM imports i WHERE i.tenant_id = ? AND i.id = ?), u.name, u.email, "
                + "u.phone, u.phone_alt, u.tax_id, u.address, u.city, coalesce(u.status, 'activo'), "
                + "coalesce(u.preferred::boolean, false), u.notes FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(name, email, phone, phone_alt, tax_id, address, city, status, preferred, notes, ord) "
                + "ORDER BY u.ord RETURNING id", r -> r.getLong(1), binds);
    }

    /** Updates write only what a row changes; an empty cell never blanks a value (coalesce). */
    private static void update(DSLContext tx, UUID tenantId, List<CustomerDecisions.Decision> updates) {
        if (updates.isEmpty()) return;
        Long[] ids = updates.stream().map(CustomerDecisions.Decision::targetId).toArray(Long[]::new);
        Object[] arrays = columns(updates);
        Object[] binds = new Object[2 + COLUMNS.length];
        binds[0] = Jdbc.array("bigint", ids);
        System.arraycopy(arrays, 0, binds, 1, COLUMNS.length);
        binds[binds.length - 1] = tenantId;
        Jdbc.execute(tx, "UPDATE customers c SET name = coalesce(u.name, c.name), email = coalesce(u.email, c.email), phone = coalesce(u.phone, c.phone), "
                + "phone_alt = coalesce(u.phone_alt, c.phone_alt), tax_id = coalesce(u.tax_id, c.tax_id), address = coalesce(u.address, c.address), "
                + "city = coalesce(u.city, c.city), status = coalesce(u.status, c.status), preferred = coalesce(u.preferred::boolean, c.preferred), "
                + "notes = coalesce(u.notes, c.notes), updated_at = now() "
                + "FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "AS u(id, name, email, phone, phone_alt, tax_id, address, city, status, preferred, notes) WHERE c.tenant_id = ? AND c.id = u.id", binds);
    }

    private static Object[] columns(List<CustomerDecisions.Decision> rows) {
        Object[] out = new Object[COLUMNS.length];
        for (int col = 0; col < COLUMNS.length; col++) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> w = rows.get(i).write();
                values[i] = w.get(COLUMNS[col]);
            }
            out[col] = Jdbc.array("text", values);
        }
        return out;
    }
}
