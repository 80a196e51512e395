package org.clusterdeck.app.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.clusterdeck.cluster.simulate.PlacementDifference;

/**
 * How an applied action ended.
 *
 * @param result        what happened, see {@link Result}
 * @param newPlan       for {@link Result#STALE}: the plan previewed again on the changed CIB, to confirm anew
 * @param differences   resources not where the prediction put them (empty: as predicted)
 * @param leftovers     move/ban constraints of the resource still in the CIB afterwards
 * @param clusterMillis time spent waiting for the cluster to carry out the transition(s)
 * @param totalMillis   from the start of apply (after confirmation) to the verified result
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"result", "asPredicted", "message", "plan", "newPlan", "commands", "differences", "leftovers",
        "clusterMillis", "totalMillis"})
public record ActionOutcome(Result result, String message, ActionPlan plan, ActionPlan newPlan, List<CommandRun> commands,
        List<PlacementDifference> differences, List<String> leftovers, long clusterMillis, long totalMillis) {

    public enum Result {
        /** Applied, the cluster settled and was compared with the prediction. */
        DONE,
        /** The CIB changed after the preview: nothing was applied, see newPlan. */
        STALE,
        /** A safety rule forbids it: nothing was applied. */
        REFUSED,
        /** A command failed or the cluster did not settle in time. */
        FAILED;

        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ActionOutcome {
        commands = List.copyOf(commands);
        differences = List.copyOf(differences);
        leftovers = List.copyOf(leftovers);
    }

    /** Done, and the cluster is where the prediction said, with no constraint left behind. */
    @JsonProperty("asPredicted")
    public boolean asPredicted() {
        return result == Result.DONE && differences.isEmpty() && leftovers.isEmpty();
    }

    /** ClusterDeck's own share of the time: everything but waiting for the cluster. */
    @JsonIgnore
    public long overheadMillis() {
        return totalMillis - clusterMillis;
    }
}
