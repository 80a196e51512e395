package org.clusterdeck.ui.action;

import java.util.Locale;
import org.clusterdeck.cluster.simulate.PredictedAction;

/**
 * One line of a predicted transition as the plan dialog lists it, with what kind of change it is,
 * so that stops and fencing stand out from starts.
 */
public record PredictionLine(String text, Effect effect) {

    /** What a line does to the cluster; {@link #STAGE} heads the transitions after the first. */
    public enum Effect {
        START, STOP, MOVE, PROMOTE, DEMOTE, RECOVER, FENCE, OTHER, NOTHING, STAGE;

        /** crm_simulate's action word; node actions other than a shutdown are fencing. */
        static Effect of(PredictedAction a) {
            String word = a.action().toLowerCase(Locale.ROOT);
            if (a.resource() == null) {
                return word.equals("shutdown") ? OTHER : FENCE;
            }
            return switch (word) {
                case "start" -> START;
                case "stop" -> STOP;
                case "move", "migrate" -> MOVE;
                case "promote" -> PROMOTE;
                case "demote" -> DEMOTE;
                case "recover", "restart" -> RECOVER;
                default -> OTHER;
            };
        }
    }

    static PredictionLine of(PredictedAction a) {
        return new PredictionLine(a.describe(), Effect.of(a));
    }
}
