package dev.mostrador.rewards.offers;

import java.time.OffsetDateTime;

/** Badges of the reward offers' pages, so templates stay free of logic. */
public final class OfferView {
    /** activa, agotada, fuera_de_vigencia or inactiva, as of now. */
    public static String offerState(RewardOffer o) {
        OffsetDateTime now = OffsetDateTime.now();
        if (!o.active()) return "inactiva";
        if (now.isBefore(o.validFrom()) || (o.validTo() != null && !now.isBefore(o.validTo()))) return "fuera_de_vigencia";
        if (o.stock() != null && o.stock() <= 0) return "agotada";
        return "activa";
    }

    public static String offerBadge(String state) {
        return switch (state) {
            case "activa" -> "badge-ok";
            case "agotada" -> "badge-danger";
            case "fuera_de_vigencia" -> "badge-warn";
            default -> "badge-off";
        };
    }

    private OfferView() {}
}
