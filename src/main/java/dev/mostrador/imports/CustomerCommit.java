package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commit of a customers import, one batch per transaction ({@link ImportBatch}: resumable,
 * the tenant's commits taking turns): the batch's rows are decided again against the customers as
 * they are now and written. The e-mail's unique index settles any race with the customer form, by
 * retrying the batch.
 */
final class CustomerCommit {
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

    private boolean batch(DSLContext tx, UUID tenantId, long importId) {
        ImportBatch.Job job = ImportBatch.start(tx, tenantId, importId, "customers");
        if (job == null) return false;
        List<ImportRows.Row> rows = ImportBatch.next(tx, tenantId, importId, job);
        if (rows.isEmpty()) return false;
        List<ImportRows.Decision> decisions = CustomerDecisions.decide(tx, tenantId, job.key(), job.mode(), rows);
        List<ImportRows.Decision> creates = new ArrayList<>(), updates = new ArrayList<>();
        for (ImportRows.Decision d : decisions) {
            if (d.cls().equals("new")) creates.add(d);
            else if (d.cls().equals("update")) updates.add(d);
        }
        List<Long> created = insert(tx, tenantId, importId, creates);
        update(tx, tenantId, updates);
        ImportBatch.finish(tx, tenantId, importId, rows, decisions, created);
        return true;
    }

    /** New customers in one statement, in the rows' order; their ids in the same order. Created by whoever committed the import. */
    private static List<Long> insert(DSLContext tx, UUID tenantId, long importId, List<ImportRows.Decision> creates) {
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
    private static void update(DSLContext tx, UUID tenantId, List<ImportRows.Decision> updates) {
        if (updates.isEmpty()) return;
        Long[] ids = updates.stream().map(ImportRows.Decision::targetId).toArray(Long[]::new);
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

    private static Object[] columns(List<ImportRows.Decision> rows) {
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
