package dev.mostrador.platform.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * What an archive holds, written last as {@code manifest.json}: the schema version and the
 * checksums of the migrations that made it (the schema itself comes from those migrations), and
 * for each table its entry, columns, rows (per tenant too) and the SHA-256 of the entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(int format, String app, String createdAt, String source, String server, String schemaVersion,
                             List<AppliedMigration> migrations, List<TableEntry> tables, List<SequenceValue> sequences) {
    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record AppliedMigration(String version, String description, Integer checksum) {}

    /** One table's rows as COPY text, in {@code entry}; rowsByTenant only for tables with a tenant_id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableEntry(String schema, String table, String entry, List<String> columns, long rows,
                             Map<String, Long> rowsByTenant, String sha256) {
        public String label() {
            return schema + "." + table;
        }
    }

    public record SequenceValue(String schema, String name, long lastValue, boolean isCalled) {}

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BackupManifest fromJson(InputStream in) throws IOException {
        return JSON.readValue(in, BackupManifest.class);
    }
}
