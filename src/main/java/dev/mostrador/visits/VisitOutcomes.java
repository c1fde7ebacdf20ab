package dev.mostrador.visits;

import java.util.List;

/** What came of a visit (the migration's CHECK lists the same words). */
public final class VisitOutcomes {
    public static final String VENTA = "venta";
    public static final String SIN_VENTA = "sin_venta";
    public static final String NO_ESTABA = "no_estaba";
    public static final String REPROGRAMAR = "reprogramar";
    public static final List<String> ALL = List.of(VENTA, SIN_VENTA, NO_ESTABA, REPROGRAMAR);

    private VisitOutcomes() {}

    public static boolean known(String outcome) {
        return outcome != null && ALL.contains(outcome);
    }

    /** The badge class of an outcome: a word in it always, colour only helps. */
    public static String badge(String outcome) {
        if (outcome == null) return "badge-info";
        return switch (outcome) {
            case VENTA -> "badge-ok";
            case REPROGRAMAR -> "badge-warn";
            case NO_ESTABA -> "badge-off";
            default -> "badge-danger";
        };
    }
}
