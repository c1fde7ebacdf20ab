package dev.mostrador.platform.migrationcheck;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The check of several scripts: the findings, whether any un-accepted BLOCK is left, and the summary a person reads. */
public record MigrationReview(List<MigrationChecker.FileCheck> files) {

    public static MigrationReview of(List<MigrationScript> scripts) {
        List<MigrationChecker.FileCheck> files = new ArrayList<>();
        for (MigrationScript s : scripts) files.add(MigrationChecker.check(s));
        return new MigrationReview(files);
    }

    public List<CheckFinding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    public List<CheckFinding> blocking() {
        return findings().stream().filter(CheckFinding::blocks).toList();
    }

    public boolean passes() {
        return blocking().isEmpty();
    }

    public void print(PrintStream out) {
        findings().forEach(f -> out.println(f.describe()));
        out.println(summary());
    }

    public String summary() {
        int statements = files.stream().mapToInt(MigrationChecker.FileCheck::statements).sum();
        long flagged = findings().stream().map(f -> f.file() + "#" + f.statement().number()).distinct().count();
        long block = count(CheckLevel.BLOCK, false);
        long warn = count(CheckLevel.WARN, false);
        String counts = files.size() + (files.size() == 1 ? " file, " : " files, ") + statements + " statements ("
                + (statements - flagged) + " safe): " + block + " BLOCK (" + count(CheckLevel.BLOCK, true) + " accepted), "
                + warn + " WARN (" + count(CheckLevel.WARN, true) + " accepted)";
        long open = blocking().size();
        return counts + (open == 0 ? ". No un-accepted BLOCK." : ". " + open + " un-accepted BLOCK: fix the statement or accept it with a reason.");
    }

    private long count(CheckLevel level, boolean acceptedOnly) {
        return findings().stream().filter(f -> f.level() == level && (!acceptedOnly || f.accepted())).count();
    }
}
