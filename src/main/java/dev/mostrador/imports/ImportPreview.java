package dev.mostrador.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping step: the file's first lines (the user picks the header line among them), the
 * header's columns, and the field suggested for each: the column's name or a synonym first, then
 * what the tenant mapped that same header to last time (which wins: the tenant taught it).
 */
public record ImportPreview(List<ImportTable.Line> lines, int headerLine, List<String> headers, Map<Integer, String> suggested) {
    public static final int LINES = 12;

    static ImportPreview of(ImportKind kind, List<ImportTable.Line> lines, int headerLine, Map<String, String> lastMapping, Map<String, String> chosen) {
        List<String> headers = lines.stream().filter(l -> l.number() == headerLine).findFirst().map(ImportTable.Line::cells).orElse(List.of());
        Map<Integer, String> suggested = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String folded = ImportKind.fold(headers.get(i));
            String field = chosen.containsKey(String.valueOf(i)) ? chosen.get(String.valueOf(i))
                    : lastMapping.containsKey(folded) ? lastMapping.get(folded) : kind.byName(headers.get(i)).orElse(null);
            if (field != null && !field.isEmpty() && taken.add(field)) suggested.put(i, field);
        }
        return new ImportPreview(lines, headerLine, headers, suggested);
    }

    public String fieldOf(int column) {
        return suggested.getOrDefault(column, "");
    }

    public int width() {
        int w = headers.size();
        for (ImportTable.Line l : lines) w = Math.max(w, l.cells().size());
        return Math.min(w, 40);
    }
}
