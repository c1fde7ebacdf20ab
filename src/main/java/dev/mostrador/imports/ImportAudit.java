package dev.mostrador.imports;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an import's page tells beyond its progress (seed 004's CustomerImportAudit): who committed
 * and who undid it and when, the header line's cells beside the mapping used, and why the rows an
 * undo kept were kept (counted per reason).
 */
public record ImportAudit(String committedByName, String undoneByName, OffsetDateTime validatedAt, OffsetDateTime startedAt,
                          List<String> headerCells, Map<String, Integer> keptReasons) {
    /** Header cells kept per column, each cut: the audit names the column, it does not copy the file. */
    private static final int HEADER_CELL = 80;

    /** One column of the mapping: its number from 1, its header in the file (null when unknown), the field it went to. */
    public record Mapped(int column, String header, String field) {}

    static ImportAudit load(DSLContext dsl, UUID tenantId, ImportJob job) {
        List<ImportAudit> found = Jdbc.list(dsl, "SELECT cu.name, uu.name, i.validated_at, i.started_at, i.header_cells::text FROM imports i "
                        + "LEFT JOIN users cu ON cu.tenant_id = i.tenant_id AND cu.id = i.committed_by "
                        + "LEFT JOIN users uu ON uu.tenant_id = i.tenant_id AND uu.id = i.undone_by WHERE i.tenant_id = ? AND i.id = ?",
                r -> new ImportAudit(r.getString(1), r.getString(2), r.getObject(3, OffsetDateTime.class), r.getObject(4, OffsetDateTime.class),
                        r.getString(5) == null ? List.of() : ImportRepository.list(JSONB.valueOf(r.getString(5))), keptReasons(dsl, tenantId, job)),
                tenantId, job.id());
        return found.isEmpty() ? new ImportAudit(null, null, null, null, List.of(), Map.of()) : found.get(0);
    }

    private static Map<String, Integer> keptReasons(DSLContext dsl, UUID tenantId, ImportJob job) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (job.keptRows() == 0) return counts;
        Jdbc.list(dsl, "SELECT split_part(reason, '|', 1), count(*) FROM import_rows WHERE tenant_id = ? AND import_id = ? AND applied = 'kept' "
                + "GROUP BY 1 ORDER BY 2 DESC, 1", r -> counts.put(r.getString(1), r.getInt(2)), tenantId, job.id());
        return counts;
    }

    /** The mapping in column order, each column with its header when the import kept it. */
    public List<Mapped> mapping(ImportJob job) {
        Map<Integer, String> byColumn = new TreeMap<>();
        job.mapping().forEach((col, field) -> byColumn.put(Integer.parseInt(col), field));
        List<Mapped> out = new ArrayList<>();
        byColumn.forEach((col, field) -> out.add(new Mapped(col + 1, col < headerCells.size() ? headerCells.get(col) : null, field)));
        return out;
    }

    /** A row an undo kept: its line, what the file called it, the row it had created, and why it stayed. */
    public record Kept(int line, long targetId, String name, String reason) {}

    /** Kept rows after a line, in line order (keyset: the page of kept rows and the CSV). */
    static List<Kept> kept(DSLContext dsl, UUID tenantId, long importId, int afterLine, int limit) {
        return Jdbc.list(dsl, "SELECT line, target_id, data->>'name', reason FROM import_rows WHERE tenant_id = ? AND import_id = ? AND line > ? "
                        + "AND applied = 'kept' ORDER BY line LIMIT ?", r -> new Kept(r.getInt(1), r.getLong(2), r.getString(3), r.getString(4)),
                tenantId, importId, afterLine, limit);
    }

    /** Keeps the header line's cells the user mapped from (the dry run starts from them). */
    static void rememberHeader(DSLContext dsl, UUID tenantId, long importId, List<String> cells) {
        List<String> cut = cells.stream().limit(40).map(c -> c.length() > HEADER_CELL ? c.substring(0, HEADER_CELL) + "…" : c)
                .map(c -> c.replace('\0', '\uFFFD')).toList();
        Jdbc.execute(dsl, "UPDATE imports SET header_cells = ?::jsonb WHERE tenant_id = ? AND id = ?", ImportRepository.sqlJson(cut), tenantId, importId);
    }
}
