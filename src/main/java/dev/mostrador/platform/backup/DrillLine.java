package dev.mostrador.platform.backup;

/** One line of a drill's report: what was checked, what the archive says, what the restored copy has. */
public record DrillLine(String check, String expected, String actual, boolean ok) {
    static DrillLine of(String check, Object expected, Object actual) {
        return new DrillLine(check, String.valueOf(expected), String.valueOf(actual), String.valueOf(expected).equals(String.valueOf(actual)));
    }
}
