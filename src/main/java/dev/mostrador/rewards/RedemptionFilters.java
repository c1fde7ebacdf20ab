package dev.mostrador.rewards;

import java.time.LocalDate;
import java.time.ZoneId;

/** The filters of the Canjes list as typed: kept in the form and carried by the "older" link. */
public record RedemptionFilters(String status, String merchant, String offer, String from, String to) {
    /** The query string of these filters, for the "older" link. */
    public String query() {
        return "status=" + RewardsPages.enc(status) + "&merchant=" + RewardsPages.enc(merchant) + "&offer=" + RewardsPages.enc(offer)
                + "&from=" + RewardsPages.enc(from) + "&to=" + RewardsPages.enc(to);
    }

    public boolean any() {
        return !(status + merchant + offer + from + to).isEmpty();
    }

    RedemptionRepository.Filter toFilter(ZoneId zone) {
        LocalDate fromDay = RewardsPages.dateOrNull(from);
        LocalDate toDay = RewardsPages.dateOrNull(to);
        return new RedemptionRepository.Filter(status.isEmpty() ? null : status, RewardsPages.uuidOrNull(merchant),
                RewardsPages.uuidOrNull(offer), fromDay == null ? null : fromDay.atStartOfDay(zone).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }
}
