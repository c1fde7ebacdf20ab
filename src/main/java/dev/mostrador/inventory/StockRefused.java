package dev.mostrador.inventory;

import java.util.List;

/**
 * A stock operation refused before any counter moved: the HTTP status (404 unknown, 409 conflict
 * with the stock or the count's state, 422 bad input), the field or line at fault, and a message
 * the user can act on; {@code lines} lists the products concerned when there are several.
 */
public final class StockRefused extends RuntimeException {
    /** A product the refusal is about, with a message of its own. */
    public record Line(long productoId, String sku, String message) {}

    private final int status;
    private final String field;
    private final transient List<Line> lines;

    public StockRefused(int status, String field, String message) {
        this(status, field, message, List.of());
    }

    public StockRefused(int status, String field, String message, List<Line> lines) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.lines = List.copyOf(lines);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<Line> lines() {
        return lines;
    }
}
