package dev.mostrador.platform.db;

/** LIKE patterns from what people type: their %, _ and \ are literal characters. */
public final class Like {
    private Like() {}

    /** "%text%" in lower case, for {@code lower(column) LIKE ?}. */
    public static String containing(String query) {
        return "%" + query.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
