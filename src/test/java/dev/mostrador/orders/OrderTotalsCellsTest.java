package dev.mostrador.orders;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OrderTotals cuts a range into hour, day and month cells: every hour of the range in exactly one, none outside. */
class OrderTotalsCellsTest {

    @Test
    void theCellsOfARangeCoverEachOfItsHoursOnce() {
        java.util.Random random = new java.util.Random(42);
        Instant base = Instant.parse("2023-11-20T00:00:00Z");
        for (int round = 0; round < 300; round++) {
            Instant from = random.nextInt(8) == 0 ? null : base.plus(random.nextInt(24 * 200), ChronoUnit.HOURS);
            Instant to = random.nextInt(8) == 0 ? null : base.plus(random.nextInt(24 * 200), ChronoUnit.HOURS);
            List<OrderTotals.Cells> cells = OrderTotals.cells(from, to);
            assertTrue(cells.size() <= 5, cells.toString());
            for (Instant h = base.minus(40, ChronoUnit.DAYS); h.isBefore(base.plus(240, ChronoUnit.DAYS)); h = h.plus(1, ChronoUnit.HOURS)) {
                boolean inside = (from == null || !h.isBefore(from)) && (to == null || h.isBefore(to));
                Instant hour = h;
                long covering = cells.stream().filter(c -> {
                    Instant start = switch (c.unidad()) {
                        case "hour" -> hour;
                        case "day" -> hour.truncatedTo(ChronoUnit.DAYS);
                        default -> hour.atOffset(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
                    };
                    return (c.from() == null || !start.isBefore(c.from())) && (c.to() == null || start.isBefore(c.to()));
                }).count();
                assertEquals(inside ? 1 : 0, covering, from + " to " + to + ": " + h + " in " + cells);
            }
        }
    }
}
