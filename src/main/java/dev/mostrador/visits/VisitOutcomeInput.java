package dev.mostrador.visits;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

import java.time.LocalDate;

/** What came of a visit, as typed: outcome, notes, the next action and its day. */
public record VisitOutcomeInput(String outcome, String notes, String nextAction, String nextActionDate) {
    public static final int MAX_NOTES = 5000;
    public static final int MAX_NEXT_ACTION = 500;
    /** How far ahead a next action may be set. */
    public static final int MAX_DAYS_AHEAD = 731;

    public static VisitOutcomeInput blank(String outcome) {
        return new VisitOutcomeInput(outcome == null ? "" : outcome, "", "", "");
    }

    public static VisitOutcomeInput of(Visita v) {
        return new VisitOutcomeInput(v.outcome() == null ? "" : v.outcome(), v.notes() == null ? "" : v.notes(),
                v.nextAction() == null ? "" : v.nextAction(), v.nextActionDate() == null ? "" : v.nextActionDate().toString());
    }

    public static VisitOutcomeInput fromForm(Context ctx) {
        return new VisitOutcomeInput(trim(ctx.formParam("outcome")), trim(ctx.formParam("notes")), trim(ctx.formParam("next_action")),
                trim(ctx.formParam("next_action_date")));
    }

    public static VisitOutcomeInput fromJson(JsonInput json) {
        return new VisitOutcomeInput(trim(json.text("outcome")), trim(json.text("notes")), trim(json.text("next_action")),
                trim(json.text("next_action_date")));
    }

    /**
     * The checked record, or null with {@code errors} naming each bad field. {@code visitDay}: the
     * visit's day, which the next action cannot come before. "reprogramar" needs the day to come back.
     */
    public VisitService.Outcome validate(Messages m, LocalDate visitDay, FieldErrors errors) {
        if (outcome.isEmpty()) errors.add("outcome", m.t("vis.v.outcome_required"));
        else if (!VisitOutcomes.known(outcome)) errors.add("outcome", m.t("vis.v.outcome_unknown", String.join(", ", VisitOutcomes.ALL)));
        if (notes.length() > MAX_NOTES) errors.add("notes", m.t("validation.max_length", m.t("vis.notes"), MAX_NOTES));
        if (nextAction.length() > MAX_NEXT_ACTION) errors.add("next_action", m.t("validation.max_length", m.t("vis.next_action"), MAX_NEXT_ACTION));
        LocalDate next = null;
        if (!nextActionDate.isEmpty()) {
            next = VisitPlanInput.day(nextActionDate);
            if (next == null) errors.add("next_action_date", m.t("vis.v.fecha_invalid"));
            else if (next.isBefore(visitDay)) errors.add("next_action_date", m.t("vis.v.next_before_visit"));
            else if (next.isAfter(visitDay.plusDays(MAX_DAYS_AHEAD))) errors.add("next_action_date", m.t("vis.v.next_too_far"));
        } else if (VisitOutcomes.REPROGRAMAR.equals(outcome)) {
            errors.add("next_action_date", m.t("vis.v.next_required"));
        }
        if (!errors.isEmpty()) return null;
        return new VisitService.Outcome(outcome, blankToNull(notes), blankToNull(nextAction), next);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
