package dev.mostrador.visits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The per-vendedor summary of a date range, with its totals row. */
public record VisitSummary(List<Row> rows, Row total) {
    /** Visits planned in the range (any state), done, each outcome. */
    public record Row(long vendedorId, String vendedor, int planned, int done, int venta, int sinVenta, int noEstaba, int reprogramar) {
        /** Sales per visit done, in percent with one decimal; null when none was done (no rate to give). */
        public BigDecimal conversion() {
            if (done == 0) return null;
            return BigDecimal.valueOf(venta * 100L).divide(BigDecimal.valueOf(done), 1, RoundingMode.HALF_UP);
        }

        public int pending() {
            return planned - done;
        }
    }

    public static VisitSummary of(List<Row> rows) {
        Row total = new Row(0, null, rows.stream().mapToInt(Row::planned).sum(), rows.stream().mapToInt(Row::done).sum(),
                rows.stream().mapToInt(Row::venta).sum(), rows.stream().mapToInt(Row::sinVenta).sum(),
                rows.stream().mapToInt(Row::noEstaba).sum(), rows.stream().mapToInt(Row::reprogramar).sum());
        return new VisitSummary(rows, total);
    }
}
