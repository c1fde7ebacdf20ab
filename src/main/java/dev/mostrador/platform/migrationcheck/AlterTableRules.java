package dev.mostrador.platform.migrationcheck;

import java.util.List;
import java.util.Set;

import static dev.mostrador.platform.migrationcheck.SqlTokens.contains;

/** ALTER TABLE, action by action: on a table created earlier in the file only design rules apply; on a live one, its locks. */
final class AlterTableRules {
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "EXCLUDE");

    private AlterTableRules() {}

    /** {@code tokens} is the whole statement; returns whether it takes a lock on a live table that stops reads or writes. */
    static boolean check(List<String> tokens, MigrationFileContext ctx, List<RuleHit> hits) {
        int i = 2;
        if (at(tokens, i, "IF") && at(tokens, i + 1, "EXISTS")) i += 2;
        if (at(tokens, i, "ONLY")) i++;
        if (i >= tokens.size()) return false;
        String table = MigrationFileContext.tableName(tokens.get(i));
        boolean live = !ctx.isNew(table);
        boolean strongLock = false;
        for (List<String> action : SqlTokens.splitTopLevel(tokens.subList(i + 1, tokens.size()))) {
            action(table, action, live, ctx, hits);
            strongLock |= !weakLock(action);
        }
        return live && strongLock;
    }

    private static void action(String table, List<String> a, boolean live, MigrationFileContext ctx, List<RuleHit> hits) {
        if (a.isEmpty()) return;
        String verb = a.get(0);
        String second = a.size() > 1 ? a.get(1) : "";
        if (verb.equals("ADD") && !TABLE_CONSTRAINTS.contains(second)) {
            int c = second.equals("COLUMN") ? 2 : 1;
            if (at(a, c, "IF") && at(a, c + 1, "NOT")) c += 3;
            if (c >= a.size()) return;
            String target = table + "." + a.get(c);
            List<String> def = a.subList(c + 1, a.size());
            ColumnRules.typeRules(target, a.get(c), def, hits);
            if (live) ColumnRules.addedToLiveTable(target, def, hits);
        } else if (verb.equals("ADD")) {
            addConstraint(table, a, live, ctx, hits);
        } else if (verb.equals("ALTER")) {
            int c = second.equals("COLUMN") ? 2 : 1;
            if (c >= a.size()) return;
            String column = a.get(c);
            List<String> rest = a.subList(c + 1, a.size());
            String target = table + "." + column;
            if (at(rest, 0, "TYPE") || (at(rest, 0, "SET") && at(rest, 1, "DATA"))) {
                ColumnRules.typeRules(target, column, rest.subList(at(rest, 0, "TYPE") ? 1 : 3, rest.size()), hits);
                if (live) hits.add(new RuleHit(CheckRule.CHANGING_COLUMN_TYPE, target));
            } else if (contains(rest, "SET", "NOT", "NULL")) {
                if (live && !ctx.hasValidatedNotNullCheck(table, column)) hits.add(new RuleHit(CheckRule.ADDING_NOT_NULLABLE_FIELD, target));
            } else if (contains(rest, "DROP", "NOT", "NULL")) {
                if (live) hits.add(new RuleHit(CheckRule.BAN_DROP_NOT_NULL, target));
            } else if (contains(rest, "ADD", "GENERATED") && live) {
                hits.add(new RuleHit(CheckRule.ADDING_SERIAL_PRIMARY_KEY_FIELD, target));
            }
        } else if (verb.equals("DROP") && !Set.of("CONSTRAINT", "DEFAULT", "NOT", "IDENTITY", "EXPRESSION").contains(second)) {
            int c = second.equals("COLUMN") ? 2 : 1;
            if (at(a, c, "IF")) c += 2;
            if (live) hits.add(new RuleHit(CheckRule.BAN_DROP_COLUMN, table + "." + (c < a.size() ? a.get(c) : "?")));
        } else if (verb.equals("RENAME") && second.equals("TO")) {
            if (live) hits.add(new RuleHit(CheckRule.RENAMING_TABLE, table));
        } else if (verb.equals("RENAME") && !second.equals("CONSTRAINT")) {
            int c = second.equals("COLUMN") ? 2 : 1;
            if (live) hits.add(new RuleHit(CheckRule.RENAMING_COLUMN, table + "." + (c < a.size() ? a.get(c) : "?")));
        } else if (verb.equals("VALIDATE") && second.equals("CONSTRAINT") && a.size() > 2) {
            ctx.validated(a.get(2));
        }
    }

    private static void addConstraint(String table, List<String> a, boolean live, MigrationFileContext ctx, List<RuleHit> hits) {
        int k = 1;
        String name = null;
        if (at(a, 1, "CONSTRAINT") && a.size() > 2) {
            name = a.get(2);
            k = 3;
        }
        String kind = k < a.size() ? a.get(k) : "";
        boolean notValid = contains(a, "NOT", "VALID");
        boolean usingIndex = contains(a, "USING", "INDEX");
        String target = table + (name == null ? "" : " " + name);
        if (kind.equals("CHECK")) {
            // CHECK ( col IS NOT NULL ): the way to SET NOT NULL without a scan under ACCESS EXCLUSIVE (PG12+).
            List<String> body = a.subList(k + 1, a.size());
            if (body.size() >= 6 && body.get(0).equals("(") && body.subList(2, 5).equals(List.of("IS", "NOT", "NULL")) && body.get(5).equals(")")) {
                ctx.notNullCheckAdded(name, table, body.get(1), !notValid);
            }
            if (live && !notValid) hits.add(new RuleHit(CheckRule.CONSTRAINT_MISSING_NOT_VALID, target));
        } else if (kind.equals("FOREIGN")) {
            if (live && !notValid) hits.add(new RuleHit(CheckRule.ADDING_FOREIGN_KEY_CONSTRAINT, target));
        } else if (kind.equals("UNIQUE")) {
            if (live && !usingIndex) hits.add(new RuleHit(CheckRule.DISALLOWED_UNIQUE_CONSTRAINT, target));
        } else if (kind.equals("PRIMARY")) {
            if (live && !usingIndex) hits.add(new RuleHit(CheckRule.ADDING_PRIMARY_KEY_CONSTRAINT, target));
        } else if (kind.equals("EXCLUDE")) {
            if (live) hits.add(new RuleHit(CheckRule.ADDING_EXCLUSION_CONSTRAINT, target));
        }
    }

    /** SHARE UPDATE EXCLUSIVE only: reads and writes go on, and the queue behind it does not stop them either. */
    private static boolean weakLock(List<String> action) {
        return at(action, 0, "VALIDATE") || contains(action, "SET", "STATISTICS")
                || (at(action, 0, "SET") && at(action, 1, "(")) || (at(action, 0, "RESET") && at(action, 1, "("));
    }

    static boolean at(List<String> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).equals(word);
    }
}
