package dev.mostrador.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.db.public_.tables.records.ImportsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.IMPORTS;
import static dev.mostrador.db.public_.Tables.IMPORT_FILES;
import static dev.mostrador.db.public_.Tables.IMPORT_MAPPINGS;
import static dev.mostrador.db.public_.Tables.IMPORT_ROWS;
import static dev.mostrador.db.public_.Tables.USERS;

/** Imports, their files, their rows as the dry run classified them, and the tenant's last mapping. */
public final class ImportRepository {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final DSLContext dsl;

    public ImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public record NewImport(String kind, String fileName, String sha256, byte[] bytes, String encoding, String separator) {}

    /** The import and its file, in one transaction. */
    public long create(UUID tenantId, long userId, NewImport n) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(IMPORTS).set(IMPORTS.TENANT_ID, tenantId).set(IMPORTS.KIND, n.kind()).set(IMPORTS.FILE_NAME, n.fileName())
                    .set(IMPORTS.FILE_SHA256, n.sha256()).set(IMPORTS.FILE_SIZE, (long) n.bytes().length).set(IMPORTS.ENCODING, n.encoding())
                    .set(IMPORTS.SEPARATOR, n.separator()).set(IMPORTS.CREATED_BY, userId).returning(IMPORTS.ID).fetchOne().getId();
            tx.insertInto(IMPORT_FILES).set(IMPORT_FILES.TENANT_ID, tenantId).set(IMPORT_FILES.IMPORT_ID, id).set(IMPORT_FILES.BYTES, n.bytes()).execute();
            return id;
        });
    }

    public Optional<ImportJob> find(UUID tenantId, long id) {
        return select(dsl).where(IMPORTS.TENANT_ID.eq(tenantId), IMPORTS.ID.eq(id)).fetchOptional(ImportRepository::toJob);
    }

    /** Any tenant's import (the worker, which works for all of them). */
    Optional<Record> raw(DSLContext ctx, long id) {
        return ctx.select(IMPORTS.TENANT_ID, IMPORTS.STATE).from(IMPORTS).where(IMPORTS.ID.eq(id)).fetchOptional().map(r -> r);
    }

    public List<ImportJob> list(UUID tenantId, int limit) {
        return select(dsl).where(IMPORTS.TENANT_ID.eq(tenantId)).orderBy(IMPORTS.ID.desc()).limit(limit).fetch(ImportRepository::toJob);
    }

    public byte[] file(DSLContext ctx, UUID tenantId, long id) {
        return ctx.select(IMPORT_FILES.BYTES).from(IMPORT_FILES).where(IMPORT_FILES.TENANT_ID.eq(tenantId), IMPORT_FILES.IMPORT_ID.eq(id))
                .fetchOne(IMPORT_FILES.BYTES);
    }

    /** Stores the user's choices and hands the dry run to the worker; false when the import is past choosing. */
    public boolean chooseAndValidate(UUID tenantId, long id, int headerLine, Map<String, String> mapping, String key, String mode) {
        return dsl.update(IMPORTS).set(IMPORTS.HEADER_LINE, headerLine).set(IMPORTS.MAPPING, json(mapping)).set(IMPORTS.MATCH_KEY, key)
                .set(IMPORTS.MODE, mode).set(IMPORTS.STATE, "validating").set(IMPORTS.VALIDATED_ROWS, 0).set(IMPORTS.FAILURE, (String) null)
                .where(IMPORTS.TENANT_ID.eq(tenantId), IMPORTS.ID.eq(id), IMPORTS.STATE.in("uploaded", "validated", "failed"),
                        IMPORTS.COMMITTED_ROWS.eq(0))
                .execute() == 1;
    }

    /** validated → importing, once (a second click, or two tabs, start it once). */
    public boolean startCommit(UUID tenantId, long id, long userId) {
        return dsl.update(IMPORTS).set(IMPORTS.STATE, "importing").set(IMPORTS.COMMITTED_BY, userId).set(IMPORTS.STARTED_AT, OffsetDateTime.now())
                .where(IMPORTS.TENANT_ID.eq(tenantId), IMPORTS.ID.eq(id), IMPORTS.STATE.eq("validated")).execute() == 1;
    }

    public record ErrorRow(int line, String field, String reason, List<String> raw) {}

    /** Error rows after a line, in line order (keyset: the page of errors and the CSV). */
    public List<ErrorRow> errors(UUID tenantId, long id, int afterLine, int limit) {
        return dsl.select(IMPORT_ROWS.LINE, IMPORT_ROWS.FIELD, IMPORT_ROWS.REASON, IMPORT_ROWS.RAW).from(IMPORT_ROWS)
                .where(IMPORT_ROWS.TENANT_ID.eq(tenantId), IMPORT_ROWS.IMPORT_ID.eq(id), IMPORT_ROWS.CLASS.eq("error"), IMPORT_ROWS.LINE.gt(afterLine))
                .orderBy(IMPORT_ROWS.LINE).limit(limit)
                .fetch(r -> new ErrorRow(r.value1(), r.value2(), r.value3(), list(r.value4())));
    }

    /** The tenant's last mapping of this kind: folded header → field. */
    public Map<String, String> lastMapping(UUID tenantId, String kind) {
        JSONB m = dsl.select(IMPORT_MAPPINGS.MAPPING).from(IMPORT_MAPPINGS)
                .where(IMPORT_MAPPINGS.TENANT_ID.eq(tenantId), IMPORT_MAPPINGS.KIND.eq(kind)).fetchOne(IMPORT_MAPPINGS.MAPPING);
        return m == null ? Map.of() : map(m);
    }

    public void rememberMapping(UUID tenantId, String kind, Map<String, String> byHeader) {
        dsl.insertInto(IMPORT_MAPPINGS).set(IMPORT_MAPPINGS.TENANT_ID, tenantId).set(IMPORT_MAPPINGS.KIND, kind)
                .set(IMPORT_MAPPINGS.MAPPING, json(byHeader)).onConflict(IMPORT_MAPPINGS.TENANT_ID, IMPORT_MAPPINGS.KIND).doUpdate()
                .set(IMPORT_MAPPINGS.MAPPING, json(byHeader)).set(IMPORT_MAPPINGS.UPDATED_AT, OffsetDateTime.now()).execute();
    }

    /** An import that wrote this row: created, updated, or created and kept by an undo; {@code at} when it wrote. */
    public record Touch(long importId, String fileName, String applied, OffsetDateTime at) {}

    /** The imports that created or updated this row (a customer or a product), newest first; rows only matched ("unchanged") did not touch it. */
    public List<Touch> touches(UUID tenantId, String kind, long targetId) {
        return dev.mostrador.platform.db.Jdbc.list(dsl, touchesQuery(tenantId, kind, targetId));
    }

    /** {@link #touches} as a statement, to be sent with a page's other reads. */
    static dev.mostrador.platform.db.Jdbc.Query<Touch> touchesQuery(UUID tenantId, String kind, long targetId) {
        // Plain SQL: a customer's page asks it on every view, and jOOQ's rendering cost more than the query.
        return new dev.mostrador.platform.db.Jdbc.Query<>("SELECT i.id, i.file_name, r.applied, coalesce(i.finished_at, i.started_at, i.created_at)"
                        + " FROM public.import_rows r JOIN public.imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id"
                        + " WHERE r.tenant_id = ? AND r.target_id = ? AND i.kind = ? AND r.applied IN ('created', 'updated', 'kept')"
                        + " ORDER BY i.id DESC LIMIT 50",
                r -> new Touch(r.getLong(1), r.getString(2), r.getString(3), r.getObject(4, OffsetDateTime.class)), tenantId, targetId, kind);
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext ctx) {
        return ctx.select(IMPORTS.fields()).select(USERS.NAME).from(IMPORTS).leftJoin(USERS)
                .on(USERS.TENANT_ID.eq(IMPORTS.TENANT_ID), USERS.ID.eq(IMPORTS.CREATED_BY));
    }

    private static ImportJob toJob(Record rec) {
        ImportsRecord r = rec.into(IMPORTS);
        return new ImportJob(r.getId(), r.getKind(), r.getState(), r.getFileName(), r.getFileSha256(), r.getFileSize(), r.getEncoding(),
                r.getSeparator(), r.getHeaderLine(), map(r.getMapping()), r.getMatchKey(), r.getMode(), r.getTotalRows(), r.getCountNew(),
                r.getCountUpdate(), r.getCountUnchanged(), r.getCountError(), r.getValidatedRows(), r.getCommittedLine(), r.getCommittedRows(),
                r.getCreatedRows(), r.getUpdatedRows(), r.getSkippedRows(), r.getUndoneRows(), r.getKeptRows(), r.getFailure(),
                rec.get(USERS.NAME), r.getCreatedAt(), r.getFinishedAt(), r.getUndoneAt());
    }

    static JSONB json(Object value) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> map(JSONB json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json.data(), STRING_MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    static List<String> list(JSONB json) {
        if (json == null) return List.of();
        try {
            return JSON.readValue(json.data(), new TypeReference<List<String>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    static String sqlJson(Object value) {
        return json(value).data();
    }

}
