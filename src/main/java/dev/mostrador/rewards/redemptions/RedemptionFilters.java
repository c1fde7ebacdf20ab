package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.common.RewardsPages;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The filters of the Canjes list as typed: kept in the form (the links carry them through ListLinks).
 * {@code date} says which time from/to bound: "confirmed" the confirmation's (the dashboard's
 * "confirmed today"), anything else the creation's.
 */
public record RedemptionFilters(String status, String merchant, String offer, String from, String to, String date) {
    public static final String BY_CONFIRMATION = "confirmed";

    public RedemptionFilters(String status, String merchant, String offer, String from, String to) {
        this(status, merchant, offer, from, to, "");
    }

    public boolean byConfirmation() {
        return BY_CONFIRMATION.equals(date);
    }

    public boolean any() {
        return !(status + merchant + offer + from + to + date).isEmpty();
    }

    RedemptionRepository.Filter toFilter(ZoneId zone) {
        LocalDate fromDay = RewardsPages.dateOrNull(from);
        LocalDate toDay = RewardsPages.dateOrNull(to);
        return new RedemptionRepository.Filter(status.isEmpty() ? null : status, RewardsPages.uuidOrNull(merchant),
                RewardsPages.uuidOrNull(offer), fromDay == null ? null : fromDay.atStartOfDay(zone).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), byConfirmation());
    }
}
