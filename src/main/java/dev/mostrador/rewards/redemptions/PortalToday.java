package dev.mostrador.rewards.redemptions;

import dev.mostrador.platform.web.Format;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the signed-in merchant confirmed today, "today" in the tenant's time zone: the count and
 * the latest {@link #SHOWN} rows (time, code with its dash, offer, lümis), newest first.
 */
public record PortalToday(int count, List<Row> rows) {
    static final int SHOWN = 100;

    public record Row(String time, String code, String offer, String lumis) {}

    public boolean truncated() {
        return count > rows.size();
    }

    static PortalToday of(RedemptionRepository redemptions, UUID tenantId, UUID merchantId, ZoneId zone, Format format) {
        LocalDate today = LocalDate.now(zone);
        OffsetDateTime from = today.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<RedemptionRepository.Confirmed> found = redemptions.confirmedBetween(tenantId, merchantId, from, to, SHOWN);
        List<Row> rows = found.stream().map(c -> new Row(CodeStatus.time(c.at(), zone), Codes.display(c.code()), c.offerName(),
                format.number(c.lumis()))).toList();
        return new PortalToday(found.isEmpty() ? 0 : found.get(0).total(), rows);
    }
}
