package dev.mostrador.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Archives changed as an attacker or a bug would: a table's rows edited with the manifest's
 * SHA-256 made to match (a valid archive of inconsistent data), or a count in the manifest changed.
 */
final class ArchiveEdits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveEdits() {}

    /** A copy of {@code archive} whose {@code table} ("public.customers") rows are {@code edit}ed, the manifest's hash following. */
    static Path editRows(Path archive, Path copy, String table, UnaryOperator<String> edit) throws IOException {
        return rewrite(archive, copy, table, edit, null, 0);
    }

    /** A copy whose manifest says {@code table} has {@code extraRows} more rows than it has. */
    static Path miscount(Path archive, Path copy, String table, long extraRows) throws IOException {
        return rewrite(archive, copy, null, null, table, extraRows);
    }

    private static Path rewrite(Path archive, Path copy, String editTable, UnaryOperator<String> edit, String countTable, long extra)
            throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            ObjectNode manifest = (ObjectNode) JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().equals("manifest.json")) continue;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                for (var t : manifest.withArray("tables")) {
                    String label = t.get("schema").asText() + "." + t.get("table").asText();
                    if (!t.get("entry").asText().equals(entry.getName())) continue;
                    if (label.equals(editTable)) {
                        bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                        ((ObjectNode) t).put("sha256", sha256(bytes));
                    }
                    if (label.equals(countTable)) ((ObjectNode) t).put("rows", t.get("rows").asLong() + extra);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(JSON.writeValueAsBytes(manifest));
            out.closeEntry();
        }
        return copy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
