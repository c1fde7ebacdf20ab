package dev.mostrador.imports;

import java.time.OffsetDateTime;
import java.util.Map;

/** An import as its pages and the worker see it: the file's facts, the choices, the counts, the state. */
public record ImportJob(long id, String kind, String state, String fileName, String sha256, long fileSize, String encoding,
                        String separator, int headerLine, Map<String, String> mapping, String matchKey, String mode,
                        int totalRows, int countNew, int countUpdate, int countUnchanged, int countError, int validatedRows,
                        int committedLine, int committedRows, int createdRows, int updatedRows, int skippedRows, int undoneRows,
                        int keptRows, String failure, String createdByName, OffsetDateTime createdAt, OffsetDateTime finishedAt,
                        OffsetDateTime undoneAt) {

    /** Rows the commit will write (new and update classes). */
    public int toApply() {
        return countNew + countUpdate;
    }

    public int percent() {
        return switch (state) {
            case "validating" -> totalRows == 0 ? 0 : Math.min(99, validatedRows * 100 / Math.max(1, totalRows));
            case "importing" -> toApply() == 0 ? 99 : Math.min(99, committedRows * 100 / toApply());
            case "undoing" -> createdRows == 0 ? 99 : Math.min(99, undoneSoFar() * 100 / createdRows);
            case "uploaded" -> 0;
            default -> 100;
        };
    }

    public boolean working() {
        return state.equals("validating") || state.equals("importing") || state.equals("undoing");
    }

    /** Rows an undo has gone through so far: deleted and kept. */
    public int undoneSoFar() {
        return undoneRows + keptRows;
    }

    /** The separator as the page names it. */
    public String separatorName() {
        return "\t".equals(separator) ? "tab" : separator;
    }
}
