package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.clusterdeck.cluster.status.Resource;

/**
 * The transitions crm_simulate predicts for an action, one per stage (a move, then clearing its
 * constraint), and the cluster before the first.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"transitions"})
public record Prediction(@JsonIgnore List<Resource> before, List<Transition> transitions) {

    public Prediction {
        before = List.copyOf(before);
        transitions = List.copyOf(transitions);
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("a prediction has at least one transition");
        }
    }

    /** Every predicted action of every stage, in order. */
    @JsonIgnore
    public List<PredictedAction> actions() {
        return transitions.stream().flatMap(t -> t.actions().stream()).toList();
    }

    /** The resources as they will be when every stage has run: what the cluster must match afterwards. */
    @JsonIgnore
    public List<Resource> finalResources() {
        return transitions.get(transitions.size() - 1).resources();
    }
}
