package dev.mostrador.platform.migrationcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code accepted-checks.txt} beside the migrations: the findings of migrations already applied somewhere
 * (their text cannot change: Flyway's checksums) that were looked at and accepted. One per line:
 * {@code V016 <statement number or hash> <rule-id> <reason>}; {@code #} starts a comment. New migrations say
 * it inline instead, right before the statement: {@code -- migration-check: accept <rule-id> because <reason>}.
 */
public final class AcceptedChecks {
    public static final String FILE_NAME = "accepted-checks.txt";
    public static final AcceptedChecks NONE = new AcceptedChecks(List.of());
    private static final Pattern LINE = Pattern.compile("(V[^\\s_]+)\\s+(\\S+)\\s+([a-z0-9-]+)\\s+(\\S.*)");
    static final Pattern INLINE = Pattern.compile("(?i)migration-check:\\s*accept\\s+(\\S+)(?:\\s+because\\b\\s*(.*))?");

    private record Entry(String version, String statement, String rule, String reason) {}

    private final List<Entry> entries;

    private AcceptedChecks(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses the file's text; a line that is not an entry is an error naming its line (a typo must not accept silently). */
    public static AcceptedChecks parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches() || CheckRule.byId(m.group(3)) == null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not '<V001> <statement number or hash> <rule-id> <reason>'"
                        + " with a known rule: " + line);
            }
            entries.add(new Entry(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return new AcceptedChecks(entries);
    }

    /** The reason this statement of this file was accepted for this rule, or null. */
    public String reason(String fileName, SqlStatement statement, String rule) {
        for (Entry e : entries) {
            boolean file = fileName.startsWith(e.version + "__");
            boolean same = e.statement.equals(String.valueOf(statement.number())) || e.statement.equalsIgnoreCase(statement.hash());
            if (file && same && e.rule.equals(rule)) return e.reason;
        }
        return null;
    }
}
