package dev.mostrador.platform.migrationcheck;

/** A rule that fired on a statement: on what (a table, a column, an index) and how sure (a rule's level, or WARN when only maybe). */
public record RuleHit(CheckRule rule, CheckLevel level, String target) {
    public RuleHit(CheckRule rule, String target) {
        this(rule, rule.level(), target);
    }
}
