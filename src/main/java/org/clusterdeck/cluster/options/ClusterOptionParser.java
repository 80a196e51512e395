package org.clusterdeck.cluster.options;

import java.util.List;
import org.clusterdeck.cluster.agents.AgentMetadataParser;

/**
 * Reads a daemon's metadata, the OCF format Pacemaker's daemons print for {@code metadata}, as
 * the cluster options it lists.
 */
public final class ClusterOptionParser {
    private ClusterOptionParser() {
    }

    public static List<ClusterOption> parse(String xml, String daemon, String source) {
        return AgentMetadataParser.parse(xml, null, source).parameters().stream()
                .map(p -> new ClusterOption(p.name(), daemon, p.shortDescription(), p.longDescription(), p.type(),
                        p.defaultValue(), p.options()))
                .toList();
    }
}
