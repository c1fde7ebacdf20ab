package dev.mostrador.platform.migrationcheck;

import java.util.List;
import java.util.Set;

import static dev.mostrador.platform.migrationcheck.SqlTokens.contains;

/** A column definition ({@code name type constraints...}): its type's design rules, and what adding it to a live table costs. */
final class ColumnRules {
    private static final Set<String> SERIALS = Set.of("SERIAL", "SERIAL4", "SMALLSERIAL", "SERIAL2", "BIGSERIAL", "SERIAL8");
    private static final Set<String> SMALL_SERIALS = Set.of("SERIAL", "SERIAL4", "SMALLSERIAL", "SERIAL2");
    private static final Set<String> SMALL_INTS = Set.of("INT", "INTEGER", "INT4", "SMALLINT", "INT2");
    // Functions whose value differs per row: PostgreSQL must rewrite the table to store them (PG11+ keeps others in the catalog).
    private static final Set<String> VOLATILE = Set.of("RANDOM", "RANDOM_NORMAL", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV4", "UUIDV7", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "SETSEED");
    private static final Set<String> NOT_VOLATILE = Set.of("NOW", "CURRENT_TIMESTAMP", "STATEMENT_TIMESTAMP", "TRANSACTION_TIMESTAMP",
            "CURRENT_DATE", "LOWER", "UPPER", "BTRIM", "TRIM", "COALESCE", "NULLIF", "JSONB_BUILD_OBJECT", "JSONB_BUILD_ARRAY",
            "ARRAY", "MAKE_INTERVAL", "CURRENT_SETTING", "NUMERIC", "DECIMAL", "VARCHAR", "CHAR", "TIMESTAMP", "TIMESTAMPTZ",
            "INTERVAL", "CONCAT", "CONCAT_WS", "LENGTH", "ROUND", "GREATEST", "LEAST", "DATE_TRUNC", "TO_JSONB");
    private static final Set<String> DEFAULT_ENDS = Set.of("NOT", "NULL", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY",
            "CONSTRAINT", "GENERATED", "COLLATE");

    private ColumnRules() {}

    /** The type's design rules, for new tables and old alike. {@code def} starts with the type. */
    static void typeRules(String target, String column, List<String> def, List<RuleHit> hits) {
        if (def.isEmpty()) return;
        String t0 = def.get(0);
        String t1 = def.size() > 1 ? def.get(1) : "";
        if (t0.equals("JSON")) hits.add(new RuleHit(CheckRule.PREFER_JSONB, target));
        if (Set.of("CHAR", "CHARACTER", "BPCHAR", "NCHAR").contains(t0) && !t1.equals("VARYING")) {
            hits.add(new RuleHit(CheckRule.BAN_CHAR_FIELD, target));
        }
        if ((t0.equals("VARCHAR") && t1.equals("(")) || (t0.equals("CHARACTER") && t1.equals("VARYING") && def.size() > 2 && def.get(2).equals("("))) {
            hits.add(new RuleHit(CheckRule.PREFER_TEXT_FIELD, target));
        }
        if (t0.equals("TIMESTAMP") && !contains(def.subList(0, Math.min(def.size(), 7)), "WITH", "TIME", "ZONE")) {
            hits.add(new RuleHit(CheckRule.PREFER_TIMESTAMPTZ, target));
        }
        if (SERIALS.contains(t0)) hits.add(new RuleHit(CheckRule.PREFER_IDENTITY, target));
        // Only keys run out: a quantity in an integer is fine, an id that reaches 2^31 stops every insert.
        boolean key = column.equals("ID") || column.endsWith("_ID") || contains(def, "PRIMARY", "KEY") || contains(def, "IDENTITY");
        if (SMALL_SERIALS.contains(t0) || (SMALL_INTS.contains(t0) && key)) hits.add(new RuleHit(CheckRule.PREFER_BIGINT_OVER_INT, target));
    }

    /** ADD COLUMN on a table that holds rows. */
    static void addedToLiveTable(String target, List<String> def, List<RuleHit> hits) {
        boolean serial = !def.isEmpty() && SERIALS.contains(def.get(0));
        boolean identity = contains(def, "AS", "IDENTITY");
        boolean generated = contains(def, "GENERATED", "ALWAYS", "AS", "(") || contains(def, "STORED");
        int defaultAt = def.indexOf("DEFAULT");
        if (serial || identity) hits.add(new RuleHit(CheckRule.ADDING_SERIAL_PRIMARY_KEY_FIELD, target));
        else if (generated) hits.add(new RuleHit(CheckRule.ADDING_FIELD_WITH_DEFAULT, target + " (stored generated column)"));
        if (defaultAt >= 0) volatileDefault(target, def.subList(defaultAt + 1, def.size()), hits);
        if (contains(def, "NOT", "NULL") && defaultAt < 0 && !serial && !identity && !generated) {
            hits.add(new RuleHit(CheckRule.ADDING_REQUIRED_FIELD, target));
        }
        if (contains(def, "REFERENCES")) hits.add(new RuleHit(CheckRule.ADDING_FOREIGN_KEY_CONSTRAINT, target));
        if (contains(def, "UNIQUE")) hits.add(new RuleHit(CheckRule.DISALLOWED_UNIQUE_CONSTRAINT, target));
        if (contains(def, "PRIMARY", "KEY") && !serial && !identity) hits.add(new RuleHit(CheckRule.ADDING_PRIMARY_KEY_CONSTRAINT, target));
        if (contains(def, "CHECK")) hits.add(new RuleHit(CheckRule.CONSTRAINT_MISSING_NOT_VALID, target));
    }

    private static void volatileDefault(String target, List<String> expression, List<RuleHit> hits) {
        int depth = 0;
        for (int i = 0; i < expression.size(); i++) {
            String t = expression.get(i);
            if (depth == 0 && DEFAULT_ENDS.contains(t)) return;
            if (t.equals("(")) depth++;
            if (t.equals(")")) depth--;
            boolean call = i + 1 < expression.size() && expression.get(i + 1).equals("(") && t.matches("[A-Z_][A-Z0-9_.]*");
            if (!call) continue;
            String function = t.substring(t.lastIndexOf('.') + 1);
            if (VOLATILE.contains(function)) {
                hits.add(new RuleHit(CheckRule.ADDING_FIELD_WITH_DEFAULT, target + " (volatile " + function.toLowerCase() + "())"));
                return;
            } else if (!NOT_VOLATILE.contains(function)) {
                hits.add(new RuleHit(CheckRule.ADDING_FIELD_WITH_DEFAULT, CheckLevel.WARN,
                        target + " (" + function.toLowerCase() + "(): a rewrite if it is VOLATILE)"));
                return;
            }
        }
    }
}
