package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A resource that is not where the prediction said: where crm_simulate put it and where crm_mon
 * found it, each as sorted "ROLE on NODE" entries (empty: not running).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"resource", "predicted", "actual"})
public record PlacementDifference(String resource, List<String> predicted, List<String> actual) {
    public PlacementDifference {
        predicted = List.copyOf(predicted);
        actual = List.copyOf(actual);
    }

    public String describe() {
        return resource + ": predicted " + words(predicted) + ", actual " + words(actual);
    }

    private static String words(List<String> placements) {
        return placements.isEmpty() ? "not running" : String.join(", ", placements);
    }
}
