package dev.mostrador.imports;

import java.util.Map;

/** What undoing an import would do now: the rows it would delete, and those it would keep, counted per reason key. */
public record ImportUndoPreview(int delete, Map<String, Integer> keep) {
    public int kept() {
        return keep.values().stream().mapToInt(Integer::intValue).sum();
    }
}
