package dev.mostrador.platform.migrationcheck;

/** A rule that fired on a statement of a file, and the reason it was accepted (null: not accepted). */
public record CheckFinding(String file, SqlStatement statement, RuleHit hit, String acceptedBecause) {

    public CheckLevel level() {
        return hit.level();
    }

    public boolean accepted() {
        return acceptedBecause != null;
    }

    public boolean blocks() {
        return level() == CheckLevel.BLOCK && !accepted();
    }

    /** One line: where, how bad, which rule, on what, the lock it takes and the safe way. */
    public String describe() {
        CheckRule rule = hit.rule();
        String line = file + ":" + statement.line() + ": " + level() + " " + rule.id() + " " + hit.target().toLowerCase()
                + " (statement " + statement.number() + ", " + statement.hash() + ") lock: " + rule.lock() + "; fix: " + rule.fix();
        return accepted() ? line + " [accepted: " + acceptedBecause + "]" : line;
    }
}
