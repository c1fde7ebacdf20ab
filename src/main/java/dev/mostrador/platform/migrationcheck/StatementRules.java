package dev.mostrador.platform.migrationcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.mostrador.platform.migrationcheck.AlterTableRules.at;
import static dev.mostrador.platform.migrationcheck.SqlTokens.contains;

/** Classifies one statement in its file's context; the context learns from it for the statements after. */
final class StatementRules {
    private static final Set<String> TABLE_ELEMENTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "EXCLUDE", "LIKE");

    private StatementRules() {}

    static List<RuleHit> classify(SqlStatement s, MigrationFileContext ctx) {
        List<String> t = SqlTokens.of(s.normalized());
        List<RuleHit> hits = new ArrayList<>();
        boolean locksLiveTable = false;
        String n = s.normalized();
        if (t.isEmpty()) return hits;
        if (s.startsWith("SET") && (contains(t, "LOCK_TIMEOUT"))) {
            ctx.lockTimeoutSet = true;
        } else if (t.get(0).equals("CREATE") && t.contains("TABLE") && t.indexOf("TABLE") <= 3) {
            locksLiveTable = createTable(t, ctx, hits);
        } else if (s.startsWith("ALTER TABLE")) {
            locksLiveTable = AlterTableRules.check(t, ctx, hits);
        } else if (s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX")) {
            locksLiveTable = createIndex(t, ctx, hits);
        } else if (s.startsWith("DROP INDEX")) {
            boolean concurrently = at(t, 2, "CONCURRENTLY");
            if (concurrently && ctx.transactional) hits.add(new RuleHit(CheckRule.CONCURRENTLY_IN_TRANSACTION, "DROP INDEX"));
            if (!concurrently) hits.add(new RuleHit(CheckRule.REQUIRE_CONCURRENT_INDEX_DELETION, last(t)));
            locksLiveTable = !concurrently;
        } else if (s.startsWith("DROP TABLE")) {
            String table = at(t, 2, "IF") ? t.get(4) : t.get(2);
            locksLiveTable = !ctx.isNew(table);
            if (locksLiveTable) hits.add(new RuleHit(CheckRule.BAN_DROP_TABLE, table));
        } else if (s.startsWith("DROP SCHEMA")) {
            hits.add(new RuleHit(CheckRule.BAN_DROP_SCHEMA, last(t)));
        } else if (s.startsWith("DROP DATABASE")) {
            hits.add(new RuleHit(CheckRule.BAN_DROP_DATABASE, last(t)));
        } else if (s.startsWith("TRUNCATE")) {
            hits.add(new RuleHit(t.contains("CASCADE") ? CheckRule.BAN_TRUNCATE_CASCADE : CheckRule.BAN_TRUNCATE, t.get(t.size() > 1 ? 1 : 0)));
            locksLiveTable = true;
        } else if (s.startsWith("VACUUM") && (at(t, 1, "FULL") || (at(t, 1, "(") && t.subList(1, SqlTokens.closing(t, 1)).contains("FULL")))) {
            hits.add(new RuleHit(CheckRule.BAN_VACUUM_FULL, last(t)));
        } else if (s.startsWith("CLUSTER")) {
            hits.add(new RuleHit(CheckRule.BAN_CLUSTER, last(t)));
        } else if (s.startsWith("REINDEX") && !t.contains("CONCURRENTLY")) {
            hits.add(new RuleHit(CheckRule.REQUIRE_CONCURRENT_REINDEX, last(t)));
        } else if (s.startsWith("LOCK")) {
            hits.add(new RuleHit(CheckRule.BAN_LOCK_TABLE, at(t, 1, "TABLE") ? t.get(2) : t.get(1)));
            locksLiveTable = true;
        } else if (s.startsWith("CREATE DOMAIN") && (t.contains("CHECK") || t.contains("CONSTRAINT"))) {
            hits.add(new RuleHit(CheckRule.BAN_CREATE_DOMAIN_WITH_CONSTRAINT, t.get(2)));
        } else if (s.startsWith("ALTER DOMAIN") && at(t, 3, "ADD")) {
            hits.add(new RuleHit(CheckRule.BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT, t.get(2)));
        } else if (s.startsWith("ALTER TYPE") && contains(t, "ADD", "VALUE") && ctx.transactional) {
            hits.add(new RuleHit(CheckRule.ALTER_ENUM_ADD_VALUE_IN_TRANSACTION, t.get(2)));
        } else if (transactionControl(n)) {
            transaction(s, n, ctx, hits);
        } else if ((s.startsWith("UPDATE") || s.startsWith("DELETE FROM")) && t.size() > 2) {
            String table = t.get(0).equals("UPDATE") ? (at(t, 1, "ONLY") ? t.get(2) : t.get(1)) : t.get(2);
            if (!ctx.isNew(table)) hits.add(new RuleHit(CheckRule.BACKFILLING_DATA, MigrationFileContext.tableName(table)));
        } else if (t.get(0).equals("CREATE") && t.contains("TRIGGER")) {
            int on = t.indexOf("ON");
            locksLiveTable = on > 0 && on + 1 < t.size() && !ctx.isNew(t.get(on + 1));
        }
        if (!ctx.transactional) robust(s, t, hits);
        if (locksLiveTable && !ctx.lockTimeoutSet && !ctx.timeoutReported) {
            ctx.timeoutReported = true;
            hits.add(new RuleHit(CheckRule.REQUIRE_TIMEOUT_SETTINGS, "no SET lock_timeout before this statement"));
        }
        return hits;
    }

    /** CREATE TABLE: a new, empty table; its columns' design rules; its foreign keys briefly lock the tables they reference. */
    private static boolean createTable(List<String> t, MigrationFileContext ctx, List<RuleHit> hits) {
        int i = t.indexOf("TABLE") + 1;
        if (at(t, i, "IF")) i += 3;
        if (i >= t.size()) return false;
        String table = MigrationFileContext.tableName(t.get(i));
        ctx.created(table);
        if (!at(t, i + 1, "(")) return false;
        boolean referencesLive = false;
        List<String> body = t.subList(i + 2, SqlTokens.closing(t, i + 1));
        for (List<String> element : SqlTokens.splitTopLevel(body)) {
            if (element.isEmpty()) continue;
            int ref = element.indexOf("REFERENCES");
            if (ref >= 0 && ref + 1 < element.size() && !ctx.isNew(element.get(ref + 1))) referencesLive = true;
            if (TABLE_ELEMENTS.contains(element.get(0))) continue;
            ColumnRules.typeRules(table + "." + element.get(0), element.get(0), element.subList(1, element.size()), hits);
        }
        return referencesLive;
    }

    private static boolean createIndex(List<String> t, MigrationFileContext ctx, List<RuleHit> hits) {
        boolean concurrently = t.contains("CONCURRENTLY");
        int on = t.indexOf("ON");
        int tableAt = at(t, on + 1, "ONLY") ? on + 2 : on + 1;
        String table = on > 0 && tableAt < t.size() ? MigrationFileContext.tableName(t.get(tableAt)) : "?";
        if (concurrently && ctx.transactional) hits.add(new RuleHit(CheckRule.CONCURRENTLY_IN_TRANSACTION, table));
        boolean live = !ctx.isNew(table);
        if (!concurrently && live) hits.add(new RuleHit(CheckRule.REQUIRE_CONCURRENT_INDEX_CREATION, table));
        return !concurrently && live;
    }

    private static boolean transactionControl(String n) {
        return Set.of("BEGIN", "BEGIN TRANSACTION", "BEGIN WORK", "START TRANSACTION", "COMMIT", "COMMIT TRANSACTION", "COMMIT WORK",
                "END", "END TRANSACTION", "ROLLBACK").contains(n) || n.startsWith("BEGIN ISOLATION") || n.startsWith("START TRANSACTION ");
    }

    private static void transaction(SqlStatement s, String n, MigrationFileContext ctx, List<RuleHit> hits) {
        if (ctx.transactional) {
            hits.add(new RuleHit(CheckRule.TRANSACTION_NESTING, n.toLowerCase()));
        } else if (n.startsWith("BEGIN") || n.startsWith("START")) {
            ctx.openTransaction = s;
        } else {
            ctx.openTransaction = null;
        }
    }

    /** Outside a transaction a failure half-way leaves what ran applied; a retry runs the file again from the top. */
    private static void robust(SqlStatement s, List<String> t, List<RuleHit> hits) {
        boolean create = t.get(0).equals("CREATE") && !contains(t, "IF", "NOT", "EXISTS") && !contains(t, "OR", "REPLACE");
        boolean drop = t.get(0).equals("DROP") && !contains(t, "IF", "EXISTS");
        boolean alter = s.startsWith("ALTER TABLE") && ((t.contains("ADD") && !contains(t, "IF", "NOT", "EXISTS"))
                || (t.contains("DROP") && !contains(t, "IF", "EXISTS")) || t.contains("RENAME"));
        if (create || drop || alter) hits.add(new RuleHit(CheckRule.PREFER_ROBUST_STMTS, String.join(" ", t.subList(0, Math.min(4, t.size()))).toLowerCase()));
    }

    private static String last(List<String> t) {
        return t.get(t.size() - 1);
    }
}
