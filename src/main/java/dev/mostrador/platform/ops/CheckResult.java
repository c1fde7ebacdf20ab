package dev.mostrador.platform.ops;

/**
 * One check of {@code check} / {@code check --deploy}: a stable id ("mostrador.E001" for an error,
 * "mostrador.W001" for a warning), what was found, and when it failed how to fix it.
 */
public record CheckResult(String id, Outcome outcome, String message, String fix) {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public static CheckResult passed(String id, String message) {
        return new CheckResult(id, Outcome.PASSED, message, null);
    }

    public static CheckResult failed(String id, String message, String fix) {
        return new CheckResult(id, Outcome.FAILED, message, fix);
    }

    public static CheckResult skipped(String id, String why) {
        return new CheckResult(id, Outcome.SKIPPED, why, null);
    }

    /** A failed check of an error id ("mostrador.E…"): the command exits non-zero, production refuses to start. */
    public boolean isError() {
        return outcome == Outcome.FAILED && id.startsWith("mostrador.E");
    }

    public boolean isWarning() {
        return outcome == Outcome.FAILED && id.startsWith("mostrador.W");
    }

    /** How the command prints it: a tag, the id, the message; a failed one its fix on the next line. */
    public String render() {
        String tag = switch (outcome) {
            case PASSED -> "ok";
            case SKIPPED -> "skip";
            case FAILED -> isError() ? "ERROR" : "WARN";
        };
        String line = String.format("[%-5s] %-15s %s", tag, id, message);
        return fix == null ? line : line + System.lineSeparator() + "        fix: " + fix;
    }
}
