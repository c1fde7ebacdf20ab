package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dry run of an import over the whole file: every data line becomes an import_rows row
 * classified new / update / unchanged / error, written by chunks (each its own short transaction,
 * with the progress), then the counts. Nothing touches customers or products: the kind's
 * {@link Rules} check and decide the rows.
 */
final class ImportDryRun {
    static final int CHUNK = 2_000;
    /** Cells kept of an error row (to show and download it), each cut to this length. */
    private static final int RAW_CELL = 300;

    /** What one kind of import checks and decides; a new one per dry run (it remembers the keys seen in the file). */
    interface Rules {
        ImportRows.Checked check(Map<String, String> cells);

        /** null when the row's keys are new in the file; else the error (field, reason naming the first line). */
        String[] repeat(String key, ImportRows.Row row);

        List<ImportRows.Decision> decide(DSLContext ctx, UUID tenantId, String key, String mode, List<ImportRows.Row> rows);
    }

    private final ImportRepository imports;

    ImportDryRun(ImportRepository imports) {
        this.imports = imports;
    }

    void run(UUID tenantId, ImportJob job, Rules rules) throws ImportTable.Unreadable {
        DSLContext dsl = imports.dsl();
        ImportTable table = ImportTable.read(job.fileName(), imports.file(dsl, tenantId, job.id()));
        Jdbc.execute(dsl, "DELETE FROM import_rows WHERE tenant_id = ? AND import_id = ?", tenantId, job.id());
        Map<Integer, String> columns = new LinkedHashMap<>();
        job.mapping().forEach((col, field) -> columns.put(Integer.parseInt(col), field));
        int[] headerWidth = {0};
        int[] total = {0};
        List<Object[]> pending = new ArrayList<>(); // line, cls, field, reason, raw, data (errors decided already)
        List<ImportRows.Row> toDecide = new ArrayList<>();
        Map<Integer, List<String>> rawToDecide = new java.util.HashMap<>(); // kept for the rows the decision may yet find in error
        table.each(line -> {
            if (line.number() == job.headerLine()) headerWidth[0] = line.cells().size();
            if (line.number() <= job.headerLine() || blank(line)) return;
            total[0]++;
            String[] error = null;
            if (line.cells().size() > headerWidth[0] && extraCells(line, headerWidth[0])) error = new String[] {null, "import.err.ragged"};
            ImportRows.Row row = null;
            if (error == null) {
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((col, field) -> cells.put(field, line.cell(col)));
                ImportRows.Checked checked = rules.check(cells);
                if (!checked.ok()) error = new String[] {checked.field(), checked.reason()};
                else {
                    row = new ImportRows.Row(line.number(), checked.values());
                    error = rules.repeat(job.matchKey(), row);
                }
            }
            if (error != null) pending.add(new Object[] {line.number(), "error", error[0], error[1], raw(line), null});
            else {
                toDecide.add(row);
                rawToDecide.put(line.number(), raw(line));
            }
            if (pending.size() + toDecide.size() >= CHUNK) flush(tenantId, job, rules, pending, toDecide, rawToDecide, total[0]);
        });
        flush(tenantId, job, rules, pending, toDecide, rawToDecide, total[0]);
        Jdbc.execute(dsl, """
                UPDATE imports i SET state = 'validated', validated_at = now(), total_rows = ?, validated_rows = ?,
                  count_new = c.n, count_update = c.u, count_unchanged = c.s, count_error = c.e
                FROM (SELECT count(*) FILTER (WHERE class = 'new') n, count(*) FILTER (WHERE class = 'update') u,
                             count(*) FILTER (WHERE class = 'unchanged') s, count(*) FILTER (WHERE class = 'error') e
                      FROM import_rows WHERE tenant_id = ? AND import_id = ?) c
                WHERE i.tenant_id = ? AND i.id = ? AND i.state = 'validating'""", total[0], total[0], tenantId, job.id(), tenantId, job.id());
    }

    private void flush(UUID tenantId, ImportJob job, Rules rules, List<Object[]> pending, List<ImportRows.Row> toDecide,
                       Map<Integer, List<String>> rawToDecide, int seen) {
        DSLContext dsl = imports.dsl();
        Map<Integer, Map<String, String>> values = new java.util.HashMap<>();
        for (ImportRows.Row r : toDecide) values.put(r.line(), r.values());
        for (ImportRows.Decision d : rules.decide(dsl, tenantId, job.matchKey(), job.mode(), toDecide)) {
            // The row as the file has it (checked), not the dry run's difference: the commit decides it again, and needs its key to.
            String data = d.write() == null ? null : ImportRepository.sqlJson(values.get(d.line()));
            List<String> raw = d.cls().equals("error") ? rawToDecide.get(d.line()) : null;
            pending.add(new Object[] {d.line(), d.cls(), d.field(), d.reason(), raw, data, d.targetId()});
        }
        toDecide.clear();
        rawToDecide.clear();
        if (pending.isEmpty()) return;
        pending.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
        int n = pending.size();
        Integer[] lines = new Integer[n];
        String[] classes = new String[n], fields = new String[n], reasons = new String[n], raws = new String[n], datas = new String[n];
        Long[] targets = new Long[n];
        for (int i = 0; i < n; i++) {
            Object[] p = pending.get(i);
            lines[i] = (Integer) p[0];
            classes[i] = (String) p[1];
            fields[i] = (String) p[2];
            reasons[i] = (String) p[3];
            raws[i] = p[4] == null ? null : ImportRepository.sqlJson(p[4]);
            datas[i] = (String) p[5];
            targets[i] = p.length > 6 ? (Long) p[6] : null;
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Jdbc.execute(tx, "INSERT INTO import_rows (tenant_id, import_id, line, class, field, reason, raw, data, target_id) "
                    + "SELECT ?, ?, u.line, u.cls, u.field, u.reason, u.raw::jsonb, u.data::jsonb, u.target "
                    + "FROM unnest(?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(line, cls, field, reason, raw, data, target)",
                    tenantId, job.id(), Jdbc.array("integer", lines), Jdbc.array("text", classes), Jdbc.array("text", fields),
                    Jdbc.array("text", reasons), Jdbc.array("text", raws), Jdbc.array("text", datas), Jdbc.array("bigint", targets));
            Jdbc.execute(tx, "UPDATE imports SET validated_rows = ? WHERE tenant_id = ? AND id = ?", seen, tenantId, job.id());
        });
        pending.clear();
    }

    static boolean blank(ImportTable.Line line) {
        for (String c : line.cells()) if (!c.isBlank()) return false;
        return true;
    }

    private static boolean extraCells(ImportTable.Line line, int width) {
        for (int i = width; i < line.cells().size(); i++) if (!line.cells().get(i).isBlank()) return true;
        return false;
    }

    /** The row's cells as the file had them (cut), for the errors page and CSV; PostgreSQL's text cannot hold NUL. */
    static List<String> raw(ImportTable.Line line) {
        List<String> out = new ArrayList<>(line.cells().size());
        for (String c : line.cells()) {
            String s = c.length() > RAW_CELL ? c.substring(0, RAW_CELL) + "…" : c;
            out.add(s.replace('\0', '\uFFFD'));
        }
        return out;
    }
}
