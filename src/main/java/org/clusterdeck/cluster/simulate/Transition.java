package org.clusterdeck.cluster.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.clusterdeck.cluster.status.ClusterNode;
import org.clusterdeck.cluster.status.Resource;

/**
 * What crm_simulate predicts for one staged change: the actions of the transition and the
 * cluster as it would be once they are done ({@code <revised_cluster_status>}).
 *
 * @param stage     what was staged before this transition, e.g. "crm_resource --move ..."
 * @param resources every resource of the revised status, crm_mon style
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"stage", "actions", "nodes", "resources"})
public record Transition(String stage, List<PredictedAction> actions, List<ClusterNode> nodes,
        List<Resource> resources) {

    public Transition {
        actions = List.copyOf(actions);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
    }
}
