package dev.mostrador.platform.migrationcheck;

import static dev.mostrador.platform.migrationcheck.CheckLevel.BLOCK;
import static dev.mostrador.platform.migrationcheck.CheckLevel.WARN;

/**
 * The rules of {@code migrations check}: squawk's (same ids) and strong_migrations' checks, each with the lock
 * the statement takes on PostgreSQL and the safe way to do the same, in one line each.
 */
public enum CheckRule {
    ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", BLOCK, "ACCESS EXCLUSIVE while every row is scanned",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then SET NOT NULL (PG12+ skips the scan)"),
    ADDING_REQUIRED_FIELD("adding-required-field", BLOCK, "ACCESS EXCLUSIVE; fails outright if the table has rows",
            "add the column nullable or with a constant DEFAULT, backfill, then the NOT NULL path"),
    ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", BLOCK, "ACCESS EXCLUSIVE while the whole table is rewritten",
            "add the column without a default (or a constant one), then backfill in batches"),
    ADDING_SERIAL_PRIMARY_KEY_FIELD("adding-serial-primary-key-field", BLOCK, "ACCESS EXCLUSIVE while the whole table is rewritten",
            "add a nullable bigint, fill it in batches from a sequence, then build the index CONCURRENTLY and ADD PRIMARY KEY USING INDEX"),
    ADDING_PRIMARY_KEY_CONSTRAINT("adding-primary-key-constraint", BLOCK, "ACCESS EXCLUSIVE while the unique index is built",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT c PRIMARY KEY USING INDEX i"),
    CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", BLOCK, "ACCESS EXCLUSIVE while every row is checked",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE: reads and writes go on)"),
    ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint", BLOCK, "SHARE ROW EXCLUSIVE on both tables while every row is checked",
            "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT"),
    DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", BLOCK, "ACCESS EXCLUSIVE while the unique index is built",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT c UNIQUE USING INDEX i"),
    ADDING_EXCLUSION_CONSTRAINT("adding-exclusion-constraint", BLOCK, "ACCESS EXCLUSIVE while the index is built and every row checked",
            "no online path: build it on a new table, or accept it for a small table"),
    REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", BLOCK, "SHARE: writes wait while the index is built",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS in a migration of its own with -- flyway:executeInTransaction=false"),
    REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", BLOCK, "ACCESS EXCLUSIVE on the index's table",
            "DROP INDEX CONCURRENTLY IF EXISTS in a migration with -- flyway:executeInTransaction=false"),
    CONCURRENTLY_IN_TRANSACTION("ban-concurrent-index-creation-in-transaction", BLOCK, "none: PostgreSQL refuses it inside a transaction",
            "make -- flyway:executeInTransaction=false the file's first line and keep only concurrent statements in it"),
    PREFER_ROBUST_STMTS("prefer-robust-stmts", BLOCK, "a retry after a failure half-way runs it again and fails",
            "outside a transaction every statement must be re-runnable: IF NOT EXISTS / IF EXISTS / OR REPLACE"),
    CHANGING_COLUMN_TYPE("changing-column-type", BLOCK, "ACCESS EXCLUSIVE while the table and its indexes are rewritten",
            "add a new column, write both, backfill in batches, switch reads, then drop the old one"),
    RENAMING_COLUMN("renaming-column", BLOCK, "ACCESS EXCLUSIVE (brief), but running code still uses the old name",
            "add the new column, write both, backfill, switch reads, drop the old one later"),
    RENAMING_TABLE("renaming-table", BLOCK, "ACCESS EXCLUSIVE (brief), but running code still uses the old name",
            "create the new table (or a view with the old name), move code over, drop the old name later"),
    BAN_DROP_COLUMN("ban-drop-column", BLOCK, "ACCESS EXCLUSIVE (brief); running code that reads the column fails",
            "stop using the column in a release first, then drop it in a later migration"),
    BAN_DROP_TABLE("ban-drop-table", BLOCK, "ACCESS EXCLUSIVE; the data is gone and running code fails",
            "stop using the table in a release first; back it up; then drop it"),
    BAN_DROP_SCHEMA("ban-drop-schema", BLOCK, "ACCESS EXCLUSIVE on everything in it; the data is gone",
            "stop using it in a release first; back it up; then drop it"),
    BAN_DROP_DATABASE("ban-drop-database", BLOCK, "the whole database is gone", "never from a migration"),
    BAN_DROP_NOT_NULL("ban-drop-not-null", WARN, "ACCESS EXCLUSIVE (brief); readers that expect a value may break",
            "make sure every reader handles NULL first"),
    BAN_TRUNCATE("ban-truncate", BLOCK, "ACCESS EXCLUSIVE; every row is gone", "DELETE in batches, or accept it with the reason"),
    BAN_TRUNCATE_CASCADE("ban-truncate-cascade", BLOCK, "ACCESS EXCLUSIVE on every referencing table; their rows are gone too",
            "truncate the tables you mean by name, without CASCADE"),
    BAN_VACUUM_FULL("ban-vacuum-full", BLOCK, "ACCESS EXCLUSIVE while the table is rewritten",
            "plain VACUUM, or pg_repack outside migrations"),
    BAN_CLUSTER("ban-cluster", BLOCK, "ACCESS EXCLUSIVE while the table is rewritten", "pg_repack outside migrations, or an index that fits"),
    REQUIRE_CONCURRENT_REINDEX("require-concurrent-reindex", BLOCK, "ACCESS EXCLUSIVE on the index, SHARE on its table",
            "REINDEX ... CONCURRENTLY in a migration with -- flyway:executeInTransaction=false"),
    BAN_LOCK_TABLE("ban-lock-table", BLOCK, "the mode it names, until the migration commits", "lock rows (SELECT ... FOR UPDATE) or accept it with the reason"),
    BAN_CREATE_DOMAIN_WITH_CONSTRAINT("ban-create-domain-with-constraint", WARN, "none now; a later ALTER DOMAIN scans every column of that domain",
            "a plain domain and CHECK constraints on the tables"),
    BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT("ban-alter-domain-with-add-constraint", BLOCK, "scans every column of the domain in every table",
            "CHECK constraints on the tables, added NOT VALID then validated"),
    TRANSACTION_NESTING("transaction-nesting", BLOCK, "Flyway already runs the file in a transaction: this ends it half-way",
            "remove BEGIN/COMMIT; for work outside a transaction use -- flyway:executeInTransaction=false"),
    BAN_UNCOMMITTED_TRANSACTION("ban-uncommitted-transaction", BLOCK, "a transaction left open holds its locks", "COMMIT what you BEGIN"),
    ALTER_ENUM_ADD_VALUE_IN_TRANSACTION("alter-enum-add-value-in-transaction", WARN, "ACCESS EXCLUSIVE on the type (brief); the value is unusable until commit",
            "add the value in a migration of its own (-- flyway:executeInTransaction=false) before one that uses it"),
    REQUIRE_TIMEOUT_SETTINGS("require-timeout-settings", WARN, "a lock queued behind a long transaction makes every query on the table wait",
            "SET LOCAL lock_timeout = '5s' first (the runner also sets MOSTRADOR_MIGRATION_LOCK_TIMEOUT)"),
    BACKFILLING_DATA("backfilling-data", WARN, "ROW EXCLUSIVE and a lock on every row touched until the migration commits",
            "backfill in batches that commit (a Java migration like V042, or a job)"),
    PREFER_JSONB("prefer-jsonb", WARN, "none (design): json has no equality, no GIN index, re-parses on every read", "use jsonb"),
    BAN_CHAR_FIELD("ban-char-field", WARN, "none (design): char(n) pads with spaces", "use text (with a CHECK on length if needed)"),
    PREFER_TEXT_FIELD("prefer-text-field", WARN, "none now; changing varchar(n) later takes ACCESS EXCLUSIVE",
            "use text with a CHECK (length(col) <= n), which can be changed NOT VALID"),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", WARN, "none (design): timestamp without time zone loses the instant", "use timestamptz"),
    PREFER_BIGINT_OVER_INT("prefer-bigint-over-int", WARN, "none now; widening a key later rewrites the table",
            "use bigint for ids and keys"),
    PREFER_IDENTITY("prefer-identity", WARN, "none (design): serial's sequence is a separate object with its own grants",
            "bigint GENERATED ALWAYS AS IDENTITY"),
    ACCEPT_WITHOUT_REASON("accept-without-reason", WARN, "none: the accept comment is ignored",
            "-- migration-check: accept <rule-id> because <why it is safe here>"),
    UNKNOWN_RULE_ACCEPTED("unknown-rule-accepted", WARN, "none: the accept comment names no known rule", "use a rule id this check prints");

    private final String id;
    private final CheckLevel level;
    private final String lock;
    private final String fix;

    CheckRule(String id, CheckLevel level, String lock, String fix) {
        this.id = id;
        this.level = level;
        this.lock = lock;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public CheckLevel level() {
        return level;
    }

    public String lock() {
        return lock;
    }

    public String fix() {
        return fix;
    }

    public static CheckRule byId(String id) {
        for (CheckRule r : values()) if (r.id.equals(id)) return r;
        return null;
    }
}
